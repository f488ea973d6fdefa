"""The rules of an edition's planning (rapportage/planning.py): order, overlap, one current phase, what is late."""

import datetime
from types import SimpleNamespace

import pytest

from rapportage import planning
from rapportage.planning import FaseSoort

D = datetime.date


def fase(soort, begin, eind=None, afgerond_op=None):
    return SimpleNamespace(soort=soort, begindatum=begin, einddatum=eind, afgerond_op=afgerond_op)


# The voortgangsrapportage of the demo: voortgang per 1 september 2021, to the college on 5 oktober.
NAJAAR = [
    fase(FaseSoort.UITVRAGEN, D(2021, 9, 1), D(2021, 9, 15)),
    fase(FaseSoort.REDACTIE, D(2021, 9, 16), D(2021, 10, 1)),
    fase(FaseSoort.COLLEGE, D(2021, 10, 5)),
    fase(FaseSoort.VASTSTELLING, D(2021, 10, 12)),
    fase(FaseSoort.PUBLICATIE, D(2021, 10, 14)),
]


def test_a_planning_in_order_has_no_errors():
    assert planning.check_volgorde(NAJAAR) == []
    assert all(planning.check_fase(f, peildatum=D(2021, 9, 1)) == {} for f in NAJAAR)


def test_phases_may_touch_on_one_day():
    fasen = [fase(FaseSoort.UITVRAGEN, D(2021, 9, 1), D(2021, 9, 15)), fase(FaseSoort.REDACTIE, D(2021, 9, 15))]
    assert planning.check_volgorde(fasen) == []


def test_a_phase_that_starts_before_the_previous_one_ends_is_refused():
    redactie = fase(FaseSoort.REDACTIE, D(2021, 9, 10), D(2021, 9, 30))
    [(welke, veld, melding)] = planning.check_volgorde([NAJAAR[0], redactie])
    assert (welke, veld) == (redactie, "begindatum")
    assert melding == (
        "Redactie begint op 10 september 2021, vóór het einde van voortgang uitvragen (15 september 2021). "
        "Een fase begint op of na de laatste dag van de fase ervoor."
    )


def test_order_is_checked_against_the_nearest_planned_phase_before():
    # Without a redactie, the college meeting may not fall inside voortgang uitvragen either.
    college = fase(FaseSoort.COLLEGE, D(2021, 9, 10))
    [(welke, veld, melding)] = planning.check_volgorde([NAJAAR[0], college])
    assert welke is college and "vóór het einde van voortgang uitvragen" in melding


def test_phases_in_the_wrong_order_are_refused_whatever_order_they_are_given_in():
    vaststelling = fase(FaseSoort.VASTSTELLING, D(2021, 10, 1))
    college = fase(FaseSoort.COLLEGE, D(2021, 10, 5))
    [(welke, _, melding)] = planning.check_volgorde([vaststelling, college])
    assert welke is vaststelling
    assert melding.startswith("Vaststelling begint op 1 oktober 2021, vóór het einde van aanbieden aan het college")


def test_a_kind_of_phase_only_once():
    tweede = fase(FaseSoort.UITVRAGEN, D(2021, 9, 20), D(2021, 9, 25))
    [(welke, veld, melding)] = planning.check_volgorde([NAJAAR[0], tweede])
    assert (welke, veld) == (tweede, "soort")
    assert melding == "Voortgang uitvragen staat al in de planning. Elke fase komt één keer voor."


@pytest.mark.parametrize(
    ("f", "verwacht"),
    [
        (
            fase(FaseSoort.REDACTIE, D(2021, 9, 30), D(2021, 9, 16)),
            {"einddatum": "De einddatum (16 september 2021) ligt vóór de begindatum (30 september 2021)."},
        ),
        (
            fase(FaseSoort.COLLEGE, D(2021, 10, 5), D(2021, 10, 6)),
            {
                "einddatum": "Aanbieden aan het college is één dag: de datum van de collegevergadering. "
                "Laat de einddatum leeg."
            },
        ),
        (
            fase(FaseSoort.UITVRAGEN, D(2021, 8, 1), D(2021, 8, 31)),
            {
                "begindatum": "Voortgang uitvragen eindigt vóór de peildatum (1 september 2021). Elke fase loopt tot "
                "op of na de peildatum: de voortgang gaat over de stand op die datum."
            },
        ),
    ],
)
def test_one_phase_on_its_own(f, verwacht):
    assert planning.check_fase(f, peildatum=D(2021, 9, 1)) == verwacht


def test_exactly_one_current_phase_at_every_date_from_the_first_phase_on():
    assert planning.huidige_fase(NAJAAR, D(2021, 8, 31)) is None
    dag = D(2021, 9, 1)
    while dag <= D(2021, 11, 1):
        begonnen = [f for f in NAJAAR if f.begindatum <= dag]
        bezig = [f for f in begonnen if dag <= planning.einde(f)]
        # Inside a phase that phase; in a gap between two phases the last one that began (whose end has passed).
        assert planning.huidige_fase(NAJAAR, dag) is (bezig or begonnen)[-1], dag
        assert len(bezig) <= 1, dag  # phases never overlap, so a date is never in two of them
        dag += datetime.timedelta(days=1)


def test_on_a_shared_day_the_next_phase_is_current():
    uitvragen = fase(FaseSoort.UITVRAGEN, D(2021, 9, 1), D(2021, 9, 15))
    redactie = fase(FaseSoort.REDACTIE, D(2021, 9, 15), D(2021, 9, 30))
    assert planning.huidige_fase([redactie, uitvragen], D(2021, 9, 15)) is redactie
    assert planning.huidige_fase([redactie, uitvragen], D(2021, 9, 14)) is uitvragen


def test_next_date():
    geen = set()
    assert planning.volgende_datum(NAJAAR, D(2021, 9, 10), klaar=geen) == (
        D(2021, 9, 15),
        "einde van voortgang uitvragen",
    )
    assert planning.volgende_datum(NAJAAR, D(2021, 10, 2), klaar=geen) == (D(2021, 10, 5), "Aanbieden aan het college")
    assert planning.volgende_datum(NAJAAR, D(2021, 10, 15), klaar=geen) is None
    # A phase that is done has no dates left to wait for.
    assert planning.volgende_datum(NAJAAR, D(2021, 9, 10), klaar={FaseSoort.UITVRAGEN})[1] == "begin van redactie"


def test_which_phases_are_done():
    def klaar(fasen=NAJAAR, **kwargs):
        return planning.afgeronde_soorten(fasen, **{"vastgesteld": False, "openbaar": False, "ontbrekend": 3} | kwargs)

    assert klaar() == set()
    assert klaar(ontbrekend=0) == {FaseSoort.UITVRAGEN}
    assert klaar(vastgesteld=True) == {"uitvragen", "redactie", "college", "vaststelling"}
    assert klaar(vastgesteld=True, openbaar=True) == set(planning.VOLGORDE)
    # Marked done by the projectleider: that phase and every phase before it.
    gemarkeerd = [*NAJAAR[:2], fase(FaseSoort.COLLEGE, D(2021, 10, 5), afgerond_op=D(2021, 10, 5)), *NAJAAR[3:]]
    assert klaar(gemarkeerd) == {"uitvragen", "redactie", "college"}


def _signalen(vandaag, **kwargs):
    args = {"klaar": set(), "vastgesteld": False, "ontbrekend": 0, "open_opmerkingen": 0, "dagen_voor_college": 7}
    return planning.signalen(NAJAAR, vandaag, **(args | kwargs))


def test_late_flags():
    assert _signalen(D(2021, 9, 10), ontbrekend=4) == []  # before the deadline nothing is late yet
    [voortgang] = _signalen(D(2021, 9, 16), ontbrekend=4, klaar=set())
    assert voortgang == planning.Signaal(
        "voortgang", "Van 4 inspanningen ontbreekt de voortgang; de uiterste datum was 15 september 2021."
    )
    [fase_te_laat] = _signalen(D(2021, 10, 2), klaar={"uitvragen"})
    assert fase_te_laat == planning.Signaal("fase", "Redactie liep tot en met 1 oktober 2021 en is niet afgerond.")
    [vast] = _signalen(D(2021, 10, 13), klaar={"uitvragen"})
    assert vast.tekst == (
        "Redactie liep tot en met 1 oktober 2021 en is niet afgerond. Daardoor zijn ook 2 latere fasen over tijd."
    )
    assert _signalen(D(2021, 10, 2), klaar={"uitvragen", "redactie"}) == []


def test_open_comments_are_flagged_from_a_week_before_the_college():
    klaar = {"uitvragen"}
    assert _signalen(D(2021, 9, 27), klaar=klaar, open_opmerkingen=2) == []
    [signaal] = _signalen(D(2021, 9, 28), klaar=klaar, open_opmerkingen=2)
    assert signaal == planning.Signaal(
        "opmerkingen", "Nog 2 open opmerkingen, en op 5 oktober 2021 gaat de editie naar het college."
    )
    na = _signalen(D(2021, 10, 6), klaar=klaar | {"redactie"}, open_opmerkingen=1)
    assert [s.tekst for s in na] == [
        "Aanbieden aan het college stond op 5 oktober 2021 en is niet afgerond.",
        "Nog 1 open opmerking, terwijl de editie op 5 oktober 2021 naar het college zou gaan.",
    ]
    assert _signalen(D(2021, 9, 30), klaar=klaar, open_opmerkingen=0) == []


@pytest.mark.parametrize(
    ("vandaag", "verwacht"),
    [
        (D(2021, 9, 11), None),
        (D(2021, 9, 12), planning.VOORAF),  # three days before the deadline
        (D(2021, 9, 15), planning.VOORAF),  # the last day itself
        (D(2021, 9, 16), None),
        (D(2021, 9, 17), planning.ACHTERAF),  # two days after
        (D(2021, 10, 4), planning.ACHTERAF),  # a missed run is made up later
        (D(2021, 10, 5), None),  # from the college meeting on, chasing no longer helps
    ],
)
def test_reminder_moments(vandaag, verwacht):
    moment = planning.herinnermoment(NAJAAR[0], vandaag, dagen_voor=3, dagen_na=2, college=NAJAAR[2])
    assert moment == verwacht


def test_no_reminder_before_the_phase_begins():
    kort = fase(FaseSoort.UITVRAGEN, D(2021, 9, 14), D(2021, 9, 15))
    assert planning.herinnermoment(kort, D(2021, 9, 13), dagen_voor=3, dagen_na=2) is None
    assert planning.herinnermoment(kort, D(2021, 9, 14), dagen_voor=3, dagen_na=2) == planning.VOORAF

import datetime
import json

from dorpen.models import Dorpsactie, Kern
from rapportage.builder import build_structuur
from tests.helpers import nieuwe_editie
from thema.models import Inspanning, Mijlpaal


def _inspanning(structuur, code):
    return next(i for t in structuur["themas"] for i in t["inspanningen"] if i["code"] == code)


def test_the_update_names_what_is_new_and_which_colours_changed(update):
    r = build_structuur(update)

    assert r["editie"]["vorige"]["titel"] == "Digitale wrap-up 2020"
    assert [i["code"] for i in r["veranderd"]["nieuw"]] == ["A4", "E2", "G1", "G2"]
    a1 = next(i for i in r["veranderd"]["kleur_gewijzigd"] if i["code"] == "A1")
    assert a1["wijzigingen"] == [
        {
            "label": "Planning",
            "vorige_kleur": "groen",
            "vorige_kleur_label": "Groen",
            "kleur": "oranje",
            "kleur_label": "Oranje",
            "trend": "slechter",
        }
    ]
    planning = _inspanning(r, "A1")["dimensies"][1]
    assert (planning["kleur"], planning["trend"]) == ("oranje", "slechter")
    assert "zienswijzen" in planning["toelichting"]


def test_the_wrap_up_shows_the_state_at_its_own_peildatum(wrap_up):
    r = build_structuur(wrap_up)

    assert [t["code"] for t in r["themas"]] == ["A", "B", "C", "D", "E", "F"]  # G only started in 2021
    assert r["totalen"]["aantal_inspanningen"] == 20
    assert r["veranderd"] is None
    a1 = _inspanning(r, "A1")
    assert [d["kleur"] for d in a1["dimensies"]] == ["groen", "groen", "groen"]
    assert a1["dimensies"][1]["trend"] is None
    json.dumps(r)  # plain and serialisable: this is what a snapshot stores


def test_counts_per_thema_add_up(update):
    r = build_structuur(update)
    for thema in r["themas"]:
        for telling in thema["tellingen"].values():
            assert sum(telling.values()) == len(thema["inspanningen"])
    assert r["totalen"]["tellingen"]["planning"] == {"groen": 13, "oranje": 9, "rood": 2, "grijs": 0}


def test_finished_inspanning_is_reported_once_then_left_out(update):
    Inspanning.objects.filter(code="C1").update(status="afgerond", status_sinds=datetime.date(2021, 3, 1))

    assert [i["code"] for i in build_structuur(update)["veranderd"]["afgerond"]] == ["C1"]
    wrap_up_c1 = _inspanning(build_structuur(update.vorige_editie), "C1")
    assert wrap_up_c1["status"] == "lopend"  # it finished after the wrap-up's peildatum

    later = nieuwe_editie(titel="Later", slug="later", soort="update", peildatum=datetime.date(2022, 1, 1))
    assert "C1" not in [i["code"] for t in build_structuur(later)["themas"] for i in t["inspanningen"]]


def test_milestones_due_and_missed_at_the_peildatum(update):
    a1 = Inspanning.objects.get(code="A1")
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Plan klaar", geplande_datum=datetime.date(2021, 3, 1))
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Start bouw", geplande_datum=datetime.date(2021, 7, 1))
    Mijlpaal.objects.create(
        inspanning=a1,
        omschrijving="Locaties",
        geplande_datum=datetime.date(2021, 1, 1),
        gereed_op=datetime.date(2020, 12, 15),
    )

    standen = {m["omschrijving"]: m["stand"] for m in _inspanning(build_structuur(update), "A1")["mijlpalen"]}

    assert standen == {"Locaties": "gereed", "Plan klaar": "gemist", "Start bouw": "binnenkort"}


def test_dorpsacties_up_to_the_peildatum(wrap_up):
    arkel = Kern.objects.get(naam="Arkel")
    Dorpsactie.objects.create(kern=arkel, titel="Later idee", status="gepland", gestart_op=datetime.date(2022, 1, 1))

    r = build_structuur(wrap_up)
    arkel_data = next(k for k in r["kernen"] if k["naam"] == "Arkel")

    assert "Later idee" not in [a["titel"] for a in arkel_data["acties"]]
    assert r["aantal_dorpsacties"] == sum(len(k["acties"]) for k in r["kernen"])
    assert len(r["kernen"]) == 21


def test_an_edition_shows_the_money_and_bijsturing_of_its_voortgang_and_the_thema_of_each_dorpsactie(update):
    from decimal import Decimal

    from thema.models import Thema, Voortgang

    voortgang = Voortgang.objects.filter(inspanning__code="A1", peildatum__lte=update.peildatum).latest("peildatum")
    Voortgang.objects.filter(pk=voortgang.pk).update(
        besteed=Decimal("1234.5"), prognose=Decimal("150000"), bijsturing="<p>Extra overleg met de provincie.</p>"
    )
    arkel = Kern.objects.get(naam="Arkel")
    wonen = Thema.objects.get(code="A")
    Dorpsactie.objects.create(kern=arkel, titel="Met een thema", thema=wonen, status="gepland")
    Dorpsactie.objects.create(kern=arkel, titel="Zonder thema", status="gepland")

    r = build_structuur(update)

    a1 = _inspanning(r, "A1")
    assert a1["peildatum_voortgang"] == voortgang.peildatum.isoformat()
    assert (a1["besteed"], a1["prognose"]) == ("1234.50", "150000.00")
    assert a1["bijsturing"] == "<p>Extra overleg met de provincie.</p>"
    acties = {a["titel"]: a for k in r["kernen"] for a in k["acties"]}
    assert (acties["Met een thema"]["thema_code"], acties["Met een thema"]["thema_naam"]) == ("A", wonen.naam)
    assert (acties["Zonder thema"]["thema_code"], acties["Zonder thema"]["thema_naam"]) == (None, None)
    json.dumps(r)  # still plain data: the snapshot of an adopted edition is this structure

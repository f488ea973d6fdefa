"""The projectleider plans an edition in the admin, inline on the edition: rows ready for every phase, the rules
of rapportage/planning.py with Dutch messages beside the phase they are about, and nothing saved on an error."""

import datetime

import pytest
from django.utils import timezone

from molenlanden.common.formatting import datum
from rapportage.models import Fase
from rapportage.services import vaststellen
from tests.helpers import admin_formulier

pytestmark = pytest.mark.django_db


def _url(editie) -> str:
    return f"/admin/rapportage/rapportage/{editie.pk}/change/"


def _plan(data: dict, rijen: list[tuple[str, str, str]]) -> dict:
    """Fills the empty phase rows in order: (fase, van, tot en met) as a person types them."""
    for index, (soort, van, tot) in enumerate(rijen):
        assert data[f"fasen-{index}-soort"] == soort  # the rows come ready in the order of the phases
        data |= {f"fasen-{index}-begindatum": van, f"fasen-{index}-einddatum": tot}
    return data


NAJAAR = [
    ("uitvragen", "2021-09-01", "2021-09-15"),
    ("redactie", "2021-09-16", "2021-10-01"),
    ("college", "2021-10-05", ""),
    ("vaststelling", "2021-10-12", ""),
    ("publicatie", "2021-10-14", ""),
]


def test_an_edition_without_planning_gets_a_row_for_every_phase(projectleider, voortgangsrapportage):
    response = projectleider.get(_url(voortgangsrapportage))
    html = response.content.decode()
    assert [form["soort"].value() for form in response.context["inline_admin_formsets"][0].formset.forms] == [
        "uitvragen",
        "redactie",
        "college",
        "vaststelling",
        "publicatie",
    ]
    assert "Planning en budget in de bijlage" in html
    assert "Bij aanbieden aan het college: de vergaderdatum." in html


def test_projectleider_plans_an_edition(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    data["fasen-1-toelichting"] = "Redactiegroep; driehoeksoverleg op 28 september."
    response = projectleider.post(_url(voortgangsrapportage), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    fasen = list(voortgangsrapportage.fasen.order_by("begindatum"))
    assert [(f.soort, f.begindatum, f.einde) for f in fasen][2] == (
        "college",
        datetime.date(2021, 10, 5),
        datetime.date(2021, 10, 5),
    )
    assert fasen[1].toelichting == "Redactiegroep; driehoeksoverleg op 28 september."
    # The page shows the planning again, without empty rows now that every phase is planned.
    formset = projectleider.get(_url(voortgangsrapportage)).context["inline_admin_formsets"][0].formset
    assert len(formset.forms) == 5 and all(f.instance.pk for f in formset.forms)


def _fouten(response) -> list[str]:
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    return [
        f"{form['soort'].value()}.{veld}: {m}" for form in formset.forms for veld, ms in form.errors.items() for m in ms
    ] + [str(m) for m in formset.non_form_errors()]


def test_overlapping_phases_are_refused_beside_the_phase(projectleider, voortgangsrapportage):
    rijen = [*NAJAAR]
    rijen[1] = ("redactie", "2021-09-10", "2021-10-01")
    response = projectleider.post(
        _url(voortgangsrapportage), _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), rijen)
    )
    assert _fouten(response) == [
        "redactie.begindatum: Redactie begint op 10 september 2021, vóór het einde van voortgang uitvragen "
        "(15 september 2021). Een fase begint op of na de laatste dag van de fase ervoor."
    ]
    assert "Redactie begint op 10 september 2021" in response.content.decode()
    assert not Fase.objects.exists()


@pytest.mark.parametrize(
    ("rij", "fout"),
    [
        (
            ("uitvragen", "2021-09-15", "2021-09-01"),
            "uitvragen.einddatum: De einddatum (1 september 2021) ligt vóór de begindatum (15 september 2021).",
        ),
        (
            ("uitvragen", "2021-08-01", "2021-08-20"),
            "uitvragen.begindatum: Voortgang uitvragen eindigt vóór de peildatum (1 september 2021). Elke fase loopt "
            "tot op of na de peildatum: de voortgang gaat over de stand op die datum.",
        ),
    ],
)
def test_a_phase_on_its_own_is_checked(projectleider, voortgangsrapportage, rij, fout):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), [rij])
    assert _fouten(projectleider.post(_url(voortgangsrapportage), data)) == [fout]
    assert not Fase.objects.exists()


def test_the_college_meeting_is_one_day(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    data["fasen-2-einddatum"] = "2021-10-06"
    assert _fouten(projectleider.post(_url(voortgangsrapportage), data)) == [
        "college.einddatum: Aanbieden aan het college is één dag: de datum van de collegevergadering. "
        "Laat de einddatum leeg."
    ]


def test_a_phase_twice_is_refused(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    data["fasen-4-soort"] = "college"
    data["fasen-4-begindatum"] = "2021-10-19"
    fouten = _fouten(projectleider.post(_url(voortgangsrapportage), data))
    assert "Elke fase staat één keer in de planning: deze fase staat er twee keer in." in fouten
    assert not Fase.objects.exists()


def test_a_phase_cannot_be_finished_in_the_future(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR[:1])
    vandaag = timezone.localdate()
    data["fasen-0-afgerond_op"] = (vandaag + datetime.timedelta(days=2)).isoformat()
    assert _fouten(projectleider.post(_url(voortgangsrapportage), data)) == [
        f"uitvragen.afgerond_op: Deze datum ligt in de toekomst. Kies vandaag ({datum(vandaag)}) of eerder."
    ]


def test_dates_far_outside_the_programme_are_refused(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    data["fasen-4-begindatum"] = "2921-10-14"  # a typing error
    assert _fouten(projectleider.post(_url(voortgangsrapportage), data)) == [
        "publicatie.begindatum: Kies een datum tussen 1 januari 2015 en 31 december 2040."
    ]


def test_moving_a_planned_phase_is_checked_against_the_others(projectleider, voortgangsrapportage):
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    assert projectleider.post(_url(voortgangsrapportage), data).status_code == 302
    data = admin_formulier(projectleider.get(_url(voortgangsrapportage)))
    index = next(i for i in range(5) if data[f"fasen-{i}-soort"] == "vaststelling")
    data[f"fasen-{index}-begindatum"] = "2021-10-04"  # before the college meeting
    fouten = _fouten(projectleider.post(_url(voortgangsrapportage), data))
    assert fouten == [
        "vaststelling.begindatum: Vaststelling begint op 4 oktober 2021, vóór het einde van aanbieden aan het "
        "college (5 oktober 2021). Een fase begint op of na de laatste dag van de fase ervoor."
    ]
    assert voortgangsrapportage.fasen.get(soort="vaststelling").begindatum == datetime.date(2021, 10, 12)


def test_every_field_of_a_phase_row_has_its_own_name(projectleider, voortgangsrapportage):
    # The table's column headers are not tied to the inputs: each input carries "label (fase)" itself.
    html = projectleider.get(_url(voortgangsrapportage)).content.decode()
    assert 'aria-label="Van (redactie)"' in html
    assert 'aria-label="Tot en met (aanbieden aan het college)"' in html
    assert 'aria-label="Afgerond op (publicatie)"' in html


def test_the_planning_of_an_adopted_edition_can_still_be_finished(projectleider, voortgangsrapportage):
    # Adopted, the edition itself never changes; its planning is the project's, so publicatie can still be ticked off.
    data = _plan(admin_formulier(projectleider.get(_url(voortgangsrapportage))), NAJAAR)
    assert projectleider.post(_url(voortgangsrapportage), data).status_code == 302
    editie = vaststellen(
        voortgangsrapportage,
        vastgesteld_op=datetime.date(2021, 10, 12),
        vastgesteld_door="College",
        override_reden="test",
    )
    data = admin_formulier(projectleider.get(_url(editie)))
    index = next(i for i in range(5) if data[f"fasen-{i}-soort"] == "publicatie")
    data[f"fasen-{index}-afgerond_op"] = "2021-10-14"
    assert projectleider.post(_url(editie), data).status_code == 302
    assert editie.fasen.get(soort="publicatie").afgerond_op == datetime.date(2021, 10, 14)
    snapshot = editie.snapshot
    editie.refresh_from_db()
    assert editie.status == "vastgesteld" and editie.snapshot == snapshot

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.helpers import admin_formulier, voeg_inline_toe
from thema.models import Voortgang

PEILDATUM = datetime.date(2022, 1, 1)
MELDING_PLANNING = "Planning staat op oranje: licht toe wat de oorzaak is, wat het gevolg is en hoe wordt bijgestuurd."
MELDING_DUBBEL = "Deze inspanning heeft al een voortgang op deze peildatum."


def test_oranje_without_toelichting_is_refused(a1):
    voortgang = Voortgang(inspanning=a1, peildatum=PEILDATUM, planning="oranje", planning_toelichting="<p></p>")
    with pytest.raises(ValidationError) as error:
        voortgang.full_clean()
    assert error.value.message_dict == {"planning_toelichting": [MELDING_PLANNING]}


def test_rood_without_toelichting_is_refused_per_dimension(a1):
    voortgang = Voortgang(inspanning=a1, peildatum=PEILDATUM, inhoud="rood", financien="rood")
    with pytest.raises(ValidationError) as error:
        voortgang.full_clean()
    assert set(error.value.message_dict) == {"inhoud_toelichting", "financien_toelichting"}
    assert error.value.message_dict["inhoud_toelichting"][0].startswith("Inhoud staat op rood: licht toe")


def test_groen_and_grijs_need_no_toelichting(a1):
    Voortgang(inspanning=a1, peildatum=PEILDATUM, inhoud="groen", planning="grijs", financien="groen").full_clean()


def test_oranje_with_toelichting_is_accepted(a1):
    voortgang = Voortgang(
        inspanning=a1, peildatum=PEILDATUM, planning="oranje", planning_toelichting="<p>Vergunning vertraagd.</p>"
    )
    voortgang.full_clean()


def test_second_voortgang_on_same_peildatum_is_refused(a1):
    with pytest.raises(ValidationError) as error:
        Voortgang(inspanning=a1, peildatum=datetime.date(2021, 6, 1)).full_clean()
    assert MELDING_DUBBEL in str(error.value)
    with pytest.raises(IntegrityError):
        Voortgang.objects.create(inspanning=a1, peildatum=datetime.date(2021, 6, 1))


def _voortgang_add_data(a1, **values):
    return {
        "peildatum": "01-01-2022",
        "inspanning": a1.pk,
        "inhoud": "groen",
        "planning": "groen",
        "financien": "groen",
        **values,
    }


def test_admin_voortgang_form_refuses_oranje_without_toelichting(projectleider, a1):
    response = projectleider.post("/admin/thema/voortgang/add/", _voortgang_add_data(a1, planning="oranje"))
    assert response.status_code == 200
    assert MELDING_PLANNING in response.content.decode()
    assert not a1.voortgang.filter(peildatum=PEILDATUM).exists()


def test_admin_voortgang_form_refuses_second_on_same_peildatum(projectleider, a1):
    response = projectleider.post("/admin/thema/voortgang/add/", _voortgang_add_data(a1, peildatum="01-06-2021"))
    assert response.status_code == 200
    assert MELDING_DUBBEL in response.content.decode()
    assert a1.voortgang.count() == 2


def test_admin_voortgang_form_saves_and_records_who(projectleider, a1, gebruikers):
    response = projectleider.post(
        "/admin/thema/voortgang/add/",
        _voortgang_add_data(a1, inhoud="rood", inhoud_toelichting="<p>Geen bouwgrond.</p>"),
    )
    assert response.status_code == 302
    voortgang = a1.voortgang.get(peildatum=PEILDATUM)
    assert (voortgang.inhoud, voortgang.ingevoerd_door) == ("rood", gebruikers["projectleider"])


def _inline_post(projectleider, a1, **values):
    url = f"/admin/thema/inspanning/{a1.pk}/change/"
    data = admin_formulier(projectleider.get(url))
    voeg_inline_toe(data, "voortgang", {"inspanning": a1.pk, "inhoud": "groen", "financien": "groen", **values})
    return projectleider.post(url, data)


def test_inspanning_inline_refuses_oranje_without_toelichting(projectleider, a1):
    response = _inline_post(projectleider, a1, peildatum="01-01-2022", planning="oranje")
    assert response.status_code == 200
    assert MELDING_PLANNING in response.content.decode()
    assert a1.voortgang.count() == 2


def test_inspanning_inline_refuses_second_on_same_peildatum(projectleider, a1):
    response = _inline_post(projectleider, a1, peildatum="01-06-2021", planning="groen")
    assert response.status_code == 200
    assert MELDING_DUBBEL in response.content.decode()
    assert a1.voortgang.count() == 2


def test_inspanning_inline_adds_voortgang(projectleider, a1, gebruikers):
    response = _inline_post(
        projectleider, a1, peildatum="01-01-2022", planning="oranje", planning_toelichting="<p>Later klaar.</p>"
    )
    assert response.status_code == 302
    voortgang = a1.voortgang.get(peildatum=PEILDATUM)
    assert (voortgang.planning, voortgang.planning_toelichting) == ("oranje", "<p>Later klaar.</p>")
    assert voortgang.ingevoerd_door == gebruikers["projectleider"]


def test_inline_shows_voortgang_newest_first(projectleider, a1):
    response = projectleider.get(f"/admin/thema/inspanning/{a1.pk}/change/")
    formset = response.context["inline_admin_formsets"][0].formset
    assert [f.instance.peildatum for f in formset.forms] == [datetime.date(2021, 6, 1), datetime.date(2020, 11, 1)]

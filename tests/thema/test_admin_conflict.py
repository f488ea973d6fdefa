import datetime

import pytest

from tests.helpers import admin_formulier, formulier_data
from thema.models import Voortgang

MELDING = "Niet opgeslagen: er is intussen een andere versie opgeslagen."
PEILDATUM = datetime.date(2021, 6, 1)


@pytest.fixture
def voortgang(a1):
    return a1.voortgang.get(peildatum=PEILDATUM)


def _rij(obj) -> dict:
    return type(obj).objects.filter(pk=obj.pk).values().get()


def _trekker_slaat_op(trekker, voortgang, **values):
    """The other person: the trekker saves the same voortgang through their own browser form."""
    url = f"/inspanningen/A1/voortgang/{voortgang.peildatum:%Y-%m-%d}/"
    assert trekker.post(url, formulier_data(trekker.get(url)) | values).status_code == 302


def _change_url(voortgang) -> str:
    return f"/admin/thema/voortgang/{voortgang.pk}/change/"


def _inspanning_url(inspanning) -> str:
    return f"/admin/thema/inspanning/{inspanning.pk}/change/"


def test_change_form_carries_the_version_it_was_loaded_from(projectleider, voortgang):
    response = projectleider.get(_change_url(voortgang))
    assert admin_formulier(response)["versie"] == voortgang.gewijzigd_op.isoformat()
    assert f'name="versie" value="{voortgang.gewijzigd_op.isoformat()}"' in response.content.decode()


def test_stale_change_form_is_refused_and_keeps_what_was_typed(projectleider, trekker, voortgang):
    data = admin_formulier(projectleider.get(_change_url(voortgang)))
    _trekker_slaat_op(trekker, voortgang, planning="rood", planning_toelichting="<p>De aannemer is failliet.</p>")
    na_trekker = _rij(voortgang)

    data |= {"bijsturing": "<p>Tekst van de projectleider die niet verloren mag gaan.</p>"}
    response = projectleider.post(_change_url(voortgang), data)

    assert response.status_code == 200
    assert _rij(voortgang) == na_trekker  # nothing written
    html = response.content.decode()
    assert MELDING in html
    assert "trekker heeft de voortgang per 1 juni 2021 opgeslagen op" in html
    assert '<li>Planning: <span class="stoplicht stoplicht-rood">Rood</span> — De aannemer is failliet.</li>' in html
    form = response.context["adminform"].form
    assert form["bijsturing"].value() == "<p>Tekst van de projectleider die niet verloren mag gaan.</p>"
    assert form["versie"].value() == na_trekker["gewijzigd_op"].isoformat()


def test_saving_again_after_a_conflict_replaces_deliberately(projectleider, trekker, voortgang):
    data = admin_formulier(projectleider.get(_change_url(voortgang)))
    _trekker_slaat_op(trekker, voortgang, bijsturing="<p>Van de trekker.</p>")
    conflict = projectleider.post(_change_url(voortgang), data | {"bijsturing": "<p>Van de projectleider.</p>"})
    assert conflict.status_code == 200

    assert projectleider.post(_change_url(voortgang), admin_formulier(conflict)).status_code == 302
    assert _rij(voortgang)["bijsturing"] == "<p>Van de projectleider.</p>"


def test_stale_after_an_orm_save_names_who_saved(projectleider, voortgang, gebruikers):
    data = admin_formulier(projectleider.get(_change_url(voortgang)))
    voortgang.financien = "oranje"
    voortgang.financien_toelichting = "<p>Subsidie &amp; cofinanciering onzeker.</p>"
    voortgang._history_user = gebruikers["trekker"]
    voortgang.save()
    voor = _rij(voortgang)

    response = projectleider.post(_change_url(voortgang), data | {"planning": "rood", "planning_toelichting": "x"})

    assert response.status_code == 200
    assert _rij(voortgang) == voor
    html = response.content.decode()
    assert "trekker heeft de voortgang per 1 juni 2021" in html
    assert "Financiën: <span class" in html
    assert "Subsidie &amp; cofinanciering onzeker." in html


def test_fresh_change_form_saves(projectleider, voortgang, gebruikers):
    data = admin_formulier(projectleider.get(_change_url(voortgang)))
    response = projectleider.post(_change_url(voortgang), data | {"planning": "rood", "planning_toelichting": "Zo."})
    assert response.status_code == 302
    assert _rij(voortgang)["planning"] == "rood"
    assert voortgang.history.first().history_user == gebruikers["projectleider"]


def test_stale_inline_is_refused_and_nothing_of_the_inspanning_is_saved(projectleider, trekker, a1, voortgang):
    data = admin_formulier(projectleider.get(_inspanning_url(a1)))
    assert data["voortgang-0-id"] == str(voortgang.pk)
    _trekker_slaat_op(trekker, voortgang, inhoud="oranje", inhoud_toelichting="<p>Minder bouwgrond.</p>")
    voor = (_rij(a1), _rij(voortgang))

    data |= {"titel": "Nieuwe titel", "voortgang-0-bijsturing": "<p>Van de projectleider.</p>"}
    response = projectleider.post(_inspanning_url(a1), data)

    assert response.status_code == 200
    assert (_rij(a1), _rij(voortgang)) == voor
    form = response.context["inline_admin_formsets"][0].formset.forms[0]
    fout = " ".join(form.non_field_errors())
    assert MELDING in fout
    assert "trekker heeft de voortgang per 1 juni 2021 opgeslagen op" in fout
    assert "Minder bouwgrond." in fout
    assert MELDING in response.content.decode()
    assert form["bijsturing"].value() == "<p>Van de projectleider.</p>"
    assert response.context["adminform"].form["titel"].value() == "Nieuwe titel"


def test_inline_left_alone_neither_blocks_nor_overwrites(projectleider, trekker, a1, voortgang):
    data = admin_formulier(projectleider.get(_inspanning_url(a1)))
    _trekker_slaat_op(trekker, voortgang, planning="rood", planning_toelichting="<p>Failliet.</p>")
    na_trekker = _rij(voortgang)

    response = projectleider.post(_inspanning_url(a1), data | {"titel": "Nieuwe titel"})

    assert response.status_code == 302
    assert _rij(a1)["titel"] == "Nieuwe titel"
    assert _rij(voortgang) == na_trekker  # the trekker's newer entry is kept


def test_stale_inline_deletion_is_refused(projectleider, trekker, a1, voortgang):
    data = admin_formulier(projectleider.get(_inspanning_url(a1)))
    _trekker_slaat_op(trekker, voortgang, bijsturing="<p>Net ingevuld.</p>")

    response = projectleider.post(_inspanning_url(a1), data | {"voortgang-0-DELETE": "on"})

    assert response.status_code == 200
    assert Voortgang.objects.filter(pk=voortgang.pk).exists()
    assert "Niet verwijderd: de voortgang per 1 juni 2021 is intussen door een ander opgeslagen" in (
        response.content.decode()
    )
    # Saving the re-shown form again deletes it deliberately.
    assert projectleider.post(_inspanning_url(a1), admin_formulier(response)).status_code == 302
    assert not Voortgang.objects.filter(pk=voortgang.pk).exists()


def test_fresh_inline_saves(projectleider, a1, voortgang):
    data = admin_formulier(projectleider.get(_inspanning_url(a1)))
    response = projectleider.post(
        _inspanning_url(a1), data | {"titel": "Nieuwe titel", "voortgang-0-bijsturing": "<p>Bijgestuurd.</p>"}
    )
    assert response.status_code == 302
    assert _rij(a1)["titel"] == "Nieuwe titel"
    assert _rij(voortgang)["bijsturing"] == "<p>Bijgestuurd.</p>"


def test_trekker_form_refuses_after_an_admin_save(projectleider, trekker, voortgang):
    url = f"/inspanningen/A1/voortgang/{voortgang.peildatum:%Y-%m-%d}/"
    form_trekker = formulier_data(trekker.get(url))
    data = admin_formulier(projectleider.get(_change_url(voortgang)))
    assert projectleider.post(_change_url(voortgang), data | {"bijsturing": "<p>Admin.</p>"}).status_code == 302

    assert trekker.post(url, form_trekker | {"bijsturing": "<p>Trekker.</p>"}).status_code == 409
    assert _rij(voortgang)["bijsturing"] == "<p>Admin.</p>"


def _revert_url(voortgang) -> str:
    """The history page that reverts the voortgang to its first version (django-simple-history)."""
    return f"/admin/thema/voortgang/{voortgang.pk}/history/{voortgang.history.last().history_id}/"


def _revert_formulier(response) -> dict:
    form = response.context["adminform"].form
    return {bound.html_name: str(bound.value()) for bound in form if bound.value() is not None}


def test_stale_revert_is_refused_and_a_fresh_one_reverts(projectleider, trekker, voortgang):
    _trekker_slaat_op(trekker, voortgang, planning="rood", planning_toelichting="<p>Eerste wijziging.</p>")
    url = _revert_url(voortgang)
    data = _revert_formulier(projectleider.get(url))
    assert data["versie"] == _rij(voortgang)["gewijzigd_op"].isoformat()  # the current row, not the old version
    _trekker_slaat_op(trekker, voortgang, planning_toelichting="<p>Tweede wijziging.</p>")
    na_trekker = _rij(voortgang)

    response = projectleider.post(url, data)
    assert response.status_code == 200
    assert MELDING in response.content.decode()
    assert _rij(voortgang) == na_trekker

    assert projectleider.post(url, _revert_formulier(projectleider.get(url))).status_code == 302
    assert _rij(voortgang)["planning"] == "oranje"

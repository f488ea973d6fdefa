import datetime

from tests.helpers import formulier_data
from thema.models import Voortgang

MELDING = "Niet opgeslagen: er is intussen een andere versie opgeslagen"


def _rij(voortgang) -> dict:
    return Voortgang.objects.filter(pk=voortgang.pk).values().get()


def test_stale_edit_is_refused_and_keeps_what_was_typed(a1, trekker, projectleider):
    voortgang = a1.voortgang.first()
    url = f"/inspanningen/A1/voortgang/{voortgang.peildatum:%Y-%m-%d}/"
    form_a = formulier_data(trekker.get(url))
    form_b = formulier_data(projectleider.get(url))
    assert form_a["versie"] == form_b["versie"] != ""

    form_b |= {"planning": "rood", "planning_toelichting": "<p>De aannemer is failliet.</p>"}
    assert projectleider.post(url, form_b).status_code == 302
    na_b = _rij(voortgang)

    form_a |= {"inhoud": "oranje", "inhoud_toelichting": "<p>Tekst van de trekker die niet verloren mag gaan.</p>"}
    response = trekker.post(url, form_a)

    assert response.status_code == 409
    assert _rij(voortgang) == na_b  # nothing written
    html = response.content.decode()
    assert MELDING in html
    assert "projectleider heeft de voortgang per" in html
    assert 'Planning: <span class="stoplicht stoplicht-rood">Rood</span>' in html
    assert "<p>De aannemer is failliet.</p>" in html
    # What this person typed is still in the form, ready to be saved deliberately over the other version.
    form = response.context["form"]
    assert form["inhoud"].value() == "oranje"
    assert form["inhoud_toelichting"].value() == "<p>Tekst van de trekker die niet verloren mag gaan.</p>"
    assert "&lt;p&gt;Tekst van de trekker die niet verloren mag gaan.&lt;/p&gt;</textarea>" in html
    assert form["versie"].value() == na_b["gewijzigd_op"].isoformat()


def test_second_save_after_conflict_replaces_deliberately(a1, trekker, projectleider):
    voortgang = a1.voortgang.first()
    url = f"/inspanningen/A1/voortgang/{voortgang.peildatum:%Y-%m-%d}/"
    form_a = formulier_data(trekker.get(url))
    projectleider.post(url, formulier_data(projectleider.get(url)) | {"bijsturing": "<p>Van de projectleider.</p>"})

    conflict = trekker.post(url, form_a | {"bijsturing": "<p>Van de trekker.</p>"})
    assert conflict.status_code == 409
    assert trekker.post(url, formulier_data(conflict)).status_code == 302
    assert _rij(voortgang)["bijsturing"] == "<p>Van de trekker.</p>"


def test_new_on_a_peildatum_someone_else_just_created_is_refused(a1, trekker, projectleider, gebruikers):
    form_a = formulier_data(trekker.get("/inspanningen/A1/voortgang/nieuw/")) | {"peildatum": "2022-03-01"}
    form_b = formulier_data(projectleider.get("/inspanningen/A1/voortgang/nieuw/")) | {"peildatum": "2022-03-01"}
    assert projectleider.post("/inspanningen/A1/voortgang/nieuw/", form_b | {"financien": "groen"}).status_code == 302
    bestaande = a1.voortgang.get(peildatum=datetime.date(2022, 3, 1))
    voor = _rij(bestaande)

    response = trekker.post("/inspanningen/A1/voortgang/nieuw/", form_a | {"bijsturing": "<p>Mijn bijsturing.</p>"})

    assert response.status_code == 409
    assert _rij(bestaande) == voor
    assert a1.voortgang.filter(peildatum=datetime.date(2022, 3, 1)).count() == 1
    html = response.content.decode()
    assert MELDING in html
    assert "projectleider heeft de voortgang per 1 maart 2022 opgeslagen op" in html
    assert response.context["form"]["bijsturing"].value() == "<p>Mijn bijsturing.</p>"
    # The re-shown form now edits the existing entry.
    assert 'action="/inspanningen/A1/voortgang/2022-03-01/"' in html
    assert bestaande.ingevoerd_door == gebruikers["projectleider"]


def test_unchanged_version_saves(a1, trekker):
    voortgang = a1.voortgang.first()
    url = f"/inspanningen/A1/voortgang/{voortgang.peildatum:%Y-%m-%d}/"
    data = formulier_data(trekker.get(url)) | {"bijsturing": "<p>Eerste.</p>"}
    assert trekker.post(url, data).status_code == 302
    # The same (now stale) form posted twice: the second is refused rather than silently overwriting.
    assert trekker.post(url, data | {"bijsturing": "<p>Tweede.</p>"}).status_code == 409
    assert _rij(voortgang)["bijsturing"] == "<p>Eerste.</p>"

import datetime
import re

import pytest
from django.utils import timezone

from thema.models import Inspanning, Voortgang

PLANNING_MELDING = "Planning staat op rood: licht toe wat de oorzaak is, wat het gevolg is en hoe wordt bijgestuurd."


def _formulier(response) -> dict:
    """The POST data a browser sends for the form as rendered."""
    form = response.context["form"]
    data = {}
    for bound in form:
        value = bound.value()
        if value is not None:
            data[bound.html_name] = value.isoformat() if isinstance(value, datetime.date) else str(value)
    return data


def test_trekker_sees_only_own_inspanningen(trekker, a1):
    response = trekker.get("/inspanningen/mijn/")
    assert response.status_code == 200
    assert [i.code for i in response.context["inspanningen"]] == ["A1"]
    html = response.content.decode()
    assert "A1 Woningbouwversneller" in html
    assert 'Voortgang toevoegen<span class="visually-hidden"> voor A1</span>' in html
    assert '<a href="/inspanningen/mijn/" aria-current="page">Mijn inspanningen</a>' in html


def test_projectleider_sees_all_with_latest_badges(client, gebruikers, a1):
    client.force_login(gebruikers["projectleider"])
    response = client.get("/inspanningen/mijn/")
    assert len(response.context["inspanningen"]) == Inspanning.objects.count()
    laatste = a1.voortgang.first()
    assert f'<span class="stoplicht stoplicht-{laatste.planning}">{laatste.get_planning_display()}</span>' in (
        response.content.decode()
    )


@pytest.mark.parametrize("wie", ["redacteur", "college"])
def test_other_roles_are_refused(client, gebruikers, a1, wie):
    client.force_login(gebruikers[wie])
    assert client.get("/inspanningen/mijn/").status_code == 403
    assert client.get("/inspanningen/A1/voortgang/nieuw/").status_code == 403
    assert client.post("/inspanningen/A1/voortgang/nieuw/", {"peildatum": "2022-01-01"}).status_code == 403
    assert client.get("/inspanningen/A1/voortgang/2021-06-01/").status_code == 403
    assert client.post("/inspanningen/A1/voortgang/2021-06-01/", {}).status_code == 403
    assert "Mijn inspanningen" not in client.get("/").content.decode()


def test_anonymous_goes_to_login(client, a1):
    for url in ("/inspanningen/mijn/", "/inspanningen/A1/voortgang/nieuw/", "/inspanningen/A1/voortgang/2021-06-01/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/?next=")


def test_trekker_cannot_touch_another_inspanning(trekker, a1):
    a2 = Inspanning.objects.get(code="A2")
    voor = list(a2.voortgang.values())
    peildatum = a2.voortgang.first().peildatum.isoformat()
    assert trekker.get("/inspanningen/A2/voortgang/nieuw/").status_code == 403
    assert trekker.get(f"/inspanningen/A2/voortgang/{peildatum}/").status_code == 403
    post = {"peildatum": "2022-01-01", "inhoud": "groen", "planning": "groen", "financien": "groen"}
    assert trekker.post("/inspanningen/A2/voortgang/nieuw/", post).status_code == 403
    assert trekker.post(f"/inspanningen/A2/voortgang/{peildatum}/", post).status_code == 403
    assert list(a2.voortgang.values()) == voor


def test_unknown_inspanning_or_peildatum_is_404(trekker, a1):
    assert trekker.get("/inspanningen/ZZ9/voortgang/nieuw/").status_code == 404
    assert trekker.get("/inspanningen/A1/voortgang/1999-01-01/").status_code == 404
    assert trekker.get("/inspanningen/A1/voortgang/2021-02-30/").status_code == 404


def test_new_form_is_prefilled_from_previous_voortgang(trekker, a1):
    vorige = a1.voortgang.first()
    response = trekker.get("/inspanningen/A1/voortgang/nieuw/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["peildatum"].value() == timezone.localdate()
    for veld in ("inhoud", "planning", "financien", "planning_toelichting", "bijsturing", "besteed", "prognose"):
        assert form[veld].value() == getattr(vorige, veld)
    html = response.content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in html
    assert re.search(rf'name="planning" value="{vorige.planning}"[^>]* checked>', html)


def test_trekker_adds_voortgang_and_it_records_who(gebruikers, trekker, a1):
    data = _formulier(trekker.get("/inspanningen/A1/voortgang/nieuw/"))
    data |= {
        "peildatum": "2022-01-01",
        "planning": "rood",
        "planning_toelichting": "<p>Vergunning laat op zich wachten.</p>",
    }
    response = trekker.post("/inspanningen/A1/voortgang/nieuw/", data)
    assert response.status_code == 302
    assert response["Location"] == "/inspanningen/A1/"
    nieuw = a1.voortgang.get(peildatum=datetime.date(2022, 1, 1))
    assert nieuw.planning == "rood"
    assert nieuw.planning_toelichting == "<p>Vergunning laat op zich wachten.</p>"
    assert nieuw.ingevoerd_door == gebruikers["trekker"]
    assert "De voortgang per 1 januari 2022 is opgeslagen." in trekker.get(response["Location"]).content.decode()


def test_rood_without_toelichting_shows_dutch_message_next_to_field(trekker, a1):
    data = _formulier(trekker.get("/inspanningen/A1/voortgang/nieuw/"))
    data |= {"peildatum": "2022-01-01", "planning": "rood", "planning_toelichting": "<p></p>"}
    response = trekker.post("/inspanningen/A1/voortgang/nieuw/", data)
    assert response.status_code == 200
    assert response.context["form"].errors == {"planning_toelichting": [PLANNING_MELDING]}
    html = response.content.decode()
    assert "De voortgang is niet opgeslagen." in html
    assert f'<span id="error_1_id_planning_toelichting"><strong>{PLANNING_MELDING}</strong></span>' in html
    assert not a1.voortgang.filter(peildatum=datetime.date(2022, 1, 1)).exists()


def test_trekker_corrects_own_entry(trekker, a1):
    vorige = a1.voortgang.first()
    url = f"/inspanningen/A1/voortgang/{vorige.peildatum:%Y-%m-%d}/"
    response = trekker.get(url)
    assert "peildatum" not in response.context["form"].fields
    data = _formulier(response) | {"bijsturing": "<p>Extra overleg met de provincie.</p>"}
    assert trekker.post(url, data).status_code == 302
    vorige.refresh_from_db()
    assert vorige.bijsturing == "<p>Extra overleg met de provincie.</p>"
    assert Voortgang.objects.filter(inspanning=a1, peildatum=vorige.peildatum).count() == 1


def test_new_on_a_day_that_already_has_voortgang_opens_that_one(trekker, a1):
    vandaag = timezone.localdate()
    Voortgang.objects.create(inspanning=a1, peildatum=vandaag)
    response = trekker.get("/inspanningen/A1/voortgang/nieuw/")
    assert response.status_code == 302
    assert response["Location"] == f"/inspanningen/A1/voortgang/{vandaag:%Y-%m-%d}/"

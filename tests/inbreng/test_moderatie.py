"""The kernteam's moderation in the admin: the queue per thema, decisions, and a proposal made an inspanning."""

import pytest

from inbreng import links, services
from inbreng.models import Bijdrage
from tests.inbreng.maak import maak_bijdrage
from thema.models import Inspanning


@pytest.fixture
def voorstel(uitnodiging):
    return maak_bijdrage(
        uitnodiging,
        soort="voorstel",
        thema="C",
        titel="Ontmoetingsplek voor jongeren",
        doel="Een plek waar jongeren elkaar zien.",
        wie_kan_helpen="Jong Molenlanden",
    )


def test_the_queue_filters_per_thema_kern_soort_and_status(projectleider, uitnodiging, voorstel):
    maak_bijdrage(uitnodiging, thema="B", goed="De bus rijdt vaker.", kernen=("Nieuwpoort",))
    basis = "/admin/inbreng/bijdrage/"
    html = projectleider.get(f"{basis}?thema__id__exact={voorstel.thema_id}").content.decode()
    assert "Een plek waar jongeren" not in html or "Ontmoetingsplek voor jongeren" in html
    assert "De bus rijdt vaker." not in html
    html = projectleider.get(f"{basis}?soort__exact=thema").content.decode()
    assert "De bus rijdt vaker." in html and "Ontmoetingsplek" not in html
    from dorpen.models import Kern

    html = projectleider.get(f"{basis}?kernen__id__exact={Kern.objects.get(naam='Nieuwpoort').pk}").content.decode()
    assert "De bus rijdt vaker." in html and "Ontmoetingsplek" not in html
    html = projectleider.get(f"{basis}?status__exact=geaccepteerd").content.decode()
    assert "De bus rijdt vaker." not in html


def test_decline_needs_a_reason_the_participant_then_sees(projectleider, client, uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging)
    pad = f"/admin/inbreng/bijdrage/{bijdrage.pk}/besluit/"
    response = projectleider.post(pad, {"besluit": "afgewezen", "tekst": ""})
    assert "Schrijf op waarom de bijdrage is afgewezen" in response.content.decode()
    assert Bijdrage.objects.get().status == "nieuw"
    projectleider.post(pad, {"besluit": "afgewezen", "tekst": "Dit valt buiten het programma."})
    assert Bijdrage.objects.get().status == "afgewezen"
    html = client.get(links.pad(uitnodiging)).content.decode()
    assert "Reden van het kernteam:" in html and "Dit valt buiten het programma." in html


def test_answer_and_merge(projectleider, client, uitnodiging):
    eerste, tweede = maak_bijdrage(uitnodiging), maak_bijdrage(uitnodiging, goed="Ook de woningen zijn goed.")
    projectleider.post(f"/admin/inbreng/bijdrage/{eerste.pk}/besluit/", {"besluit": "beantwoord", "tekst": "Dank!"})
    projectleider.post(
        f"/admin/inbreng/bijdrage/{tweede.pk}/besluit/", {"besluit": "samengevoegd", "samengevoegd_in": eerste.pk}
    )
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert (eerste.status, eerste.antwoord) == ("beantwoord", "Dank!")
    assert (tweede.status, tweede.samengevoegd_in) == ("samengevoegd", eerste)
    html = client.get(links.pad(uitnodiging)).content.decode()
    assert "Antwoord van het kernteam:" in html and "Samengevoegd met een vergelijkbare bijdrage" in html


def test_accept_action_accepts_what_is_new(projectleider, uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging)
    projectleider.post(
        "/admin/inbreng/bijdrage/", {"action": "accepteren", "_selected_action": [bijdrage.pk], "index": 0}
    )
    assert Bijdrage.objects.get().status == "geaccepteerd"


def test_accepting_a_proposal_makes_exactly_one_inspanning(projectleider, voorstel):
    services.accepteren(voorstel)
    vooraf = Inspanning.objects.count()
    response = projectleider.post(f"/admin/inbreng/bijdrage/{voorstel.pk}/maak-inspanning/")
    inspanning = Inspanning.objects.get(titel="Ontmoetingsplek voor jongeren")
    assert response["Location"] == f"/admin/thema/inspanning/{inspanning.pk}/change/"
    assert inspanning.code == "C5" and inspanning.thema.code == "C"  # the demo has C1-C4
    assert "Een plek waar jongeren elkaar zien." in inspanning.omschrijving
    assert "Voorgesteld door het netwerk" in inspanning.omschrijving
    assert inspanning.opgenomen_op is not None
    voorstel.refresh_from_db()
    assert voorstel.inspanning_gemaakt == inspanning and inspanning.herkomst == voorstel
    projectleider.post(f"/admin/inbreng/bijdrage/{voorstel.pk}/maak-inspanning/")  # a second click
    assert Inspanning.objects.count() == vooraf + 1


def test_only_an_accepted_proposal_becomes_an_inspanning(projectleider, voorstel, uitnodiging):
    response = projectleider.post(f"/admin/inbreng/bijdrage/{voorstel.pk}/maak-inspanning/", follow=True)
    assert "Alleen van een geaccepteerd voorstel" in response.content.decode()
    reactie = services.accepteren(maak_bijdrage(uitnodiging))
    with pytest.raises(Exception, match="geaccepteerd voorstel"):
        services.maak_inspanning(reactie)
    assert not Inspanning.objects.filter(titel="Ontmoetingsplek voor jongeren").exists()


def test_a_quote_must_be_accepted(uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging)
    bijdrage.citaat = True
    with pytest.raises(Exception, match="Alleen een geaccepteerde bijdrage"):
        bijdrage.full_clean()


def test_other_roles_cannot_moderate(client, gebruikers, uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging)
    for rol in ("redacteur", "college", "trekker"):
        client.force_login(gebruikers[rol])
        response = client.post(f"/admin/inbreng/bijdrage/{bijdrage.pk}/besluit/", {"besluit": "geaccepteerd"})
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Bijdrage.objects.get().status == "nieuw"


def test_the_inspanning_names_its_origin_on_its_timeline(projectleider, voorstel):
    inspanning = services.maak_inspanning(services.accepteren(voorstel))
    html = projectleider.get(f"/inspanningen/{inspanning.code}/").content.decode()
    assert "Herkomst" in html and "Voorstel uit het netwerk ‘Ontmoetingsplek voor jongeren’" in html
    assert "Herkomst" not in projectleider.get("/inspanningen/A1/").content.decode()

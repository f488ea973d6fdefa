"""Every review view per role, the POST forms without JavaScript, and the e-mail they send."""

import pytest
from django.urls import reverse

from rapportage import review
from rapportage.models import Opmerking

pytestmark = pytest.mark.django_db


@pytest.fixture
def ter_review(update, gebruikers):
    return review.ter_review_sturen(update, door=gebruikers["projectleider"])


def _urls(slug, pk):
    return {
        ("GET", reverse("rapportage:review", args=[slug])): {"projectleider"},
        ("GET", reverse("rapportage:achterstand", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:herinneren", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:ter_review_sturen", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:terug_naar_concept", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:opmerking_plaatsen", args=[slug])): {"projectleider", "redacteur"},
        ("POST", reverse("rapportage:opmerking_oplossen", args=[slug, pk])): {"projectleider"},
        ("POST", reverse("rapportage:oordeel_geven", args=[slug])): {"redacteur"},
    }


@pytest.mark.parametrize("rol", ["anoniem", "college", "trekker", "redacteur", "projectleider"])
def test_permissions_per_role(ter_review, gebruikers, client, rol):
    draad = review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek="editie")
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    for (methode, url), mogen in _urls(ter_review.slug, draad.pk).items():
        response = client.get(url) if methode == "GET" else client.post(url, {})
        if rol == "anoniem":
            assert response.status_code == 302 and response.url.startswith("/inloggen/"), url
        elif rol in mogen:
            assert response.status_code in (200, 302), url
            assert not (response.status_code == 302 and response.url.startswith("/inloggen/")), url
        else:
            assert response.status_code == 403, (url, rol)


def test_get_on_a_post_only_view_is_not_allowed(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    assert client.get(reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug])).status_code == 405


def test_review_page_shows_comment_next_to_the_dimension(ter_review, gebruikers, client):
    review.plaats_opmerking(
        ter_review, auteur=gebruikers["redacteur"], tekst="Planning-tekst", plek="inspanning:A1:planning"
    )
    client.force_login(gebruikers["redacteur"])
    html = client.get(ter_review.get_absolute_url()).content.decode()
    anker = html.index('id="inspanning-a1-planning"')
    assert html.index("Planning-tekst", anker) < html.index('id="inspanning-a2"')
    assert "Opmerking plaatsen over A1 Woningbouwversneller" in html
    assert "Uw oordeel over ronde 1" in html


@pytest.mark.parametrize("rol", ["college", "trekker"])
def test_readers_see_no_review(ter_review, gebruikers, client, rol):
    review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="Niet-voor-college", plek="editie")
    client.force_login(gebruikers[rol])
    html = client.get(ter_review.get_absolute_url()).content.decode()
    assert "Niet-voor-college" not in html and "Opmerking plaatsen" not in html
    assert "dit is een concept" in html


def test_post_comment_redirects_to_the_anchor_and_mails_the_projectleider(
    ter_review, gebruikers, client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://monitor.example.org"
    client.force_login(gebruikers["redacteur"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug]),
            {"plek": "inspanning:A1:planning", "tekst": "De mijlpaal van juni is niet haalbaar."},
        )
    assert response.status_code == 302
    assert response.url == "/rapportages/update-2021/#inspanning-a1-planning"
    assert Opmerking.objects.get().auteur == gebruikers["redacteur"]
    [mail] = mailoutbox
    assert mail.to == ["projectleider@example.org"]
    assert "A1 — planning" in mail.subject
    assert "De mijlpaal van juni is niet haalbaar." in mail.body
    assert "https://monitor.example.org/rapportages/update-2021/#inspanning-a1-planning" in mail.body


def test_answer_mails_the_author_of_the_thread(ter_review, gebruikers, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draad = review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="Vraag", plek="thema:A")
        review.plaats_opmerking(ter_review, auteur=gebruikers["projectleider"], tekst="Antwoord", parent_id=draad.pk)
    assert mailoutbox[-1].to == ["redacteur@example.org"]
    assert "Antwoord" in mailoutbox[-1].body and "Vraag" in mailoutbox[-1].body


def test_invalid_comment_shows_a_dutch_message(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    response = client.post(
        reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug]),
        {"plek": "inspanning:A1", "tekst": ""},
        follow=True,
    )
    assert "Schrijf een opmerking." in response.content.decode()
    assert not Opmerking.objects.exists()


def test_verdict_mails_the_projectleider(
    ter_review, gebruikers, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(gebruikers["redacteur"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("rapportage:oordeel_geven", args=[ter_review.slug]),
            {"oordeel": "wijzigingen_nodig", "toelichting": "Thema B mist een toelichting."},
        )
    [mail] = mailoutbox
    assert mail.to == ["projectleider@example.org"]
    assert "wijzigingen nodig" in mail.subject and "Thema B mist een toelichting." in mail.body


def test_verdict_without_explanation_is_refused(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    response = client.post(
        reverse("rapportage:oordeel_geven", args=[ter_review.slug]), {"oordeel": "wijzigingen_nodig"}, follow=True
    )
    assert "Licht toe welke wijzigingen nodig zijn." in response.content.decode()


def test_sending_for_review_mails_the_redactiegroep(
    update, gebruikers, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(gebruikers["projectleider"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("rapportage:ter_review_sturen", args=[update.slug]), {"notitie": "Let op de cijfers."}
        )
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["redacteur@example.org"]
    assert "Let op de cijfers." in mail.body and "/rapportages/update-2021/" in mail.body


def test_back_to_concept_needs_a_note(ter_review, gebruikers, client):
    client.force_login(gebruikers["projectleider"])
    url = reverse("rapportage:terug_naar_concept", args=[ter_review.slug])
    response = client.post(url, {"notitie": ""}, follow=True)
    assert "Schrijf een notitie" in response.content.decode()
    client.post(url, {"notitie": "A1 wordt herschreven."})
    ter_review.refresh_from_db()
    assert ter_review.status == "concept"


def test_overview_lists_changes_since_the_previous_edition(ter_review, gebruikers, client):
    review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek="inspanning:A1:planning")
    client.force_login(gebruikers["projectleider"])
    response = client.get(reverse("rapportage:review", args=[ter_review.slug]))
    html = response.content.decode()
    assert "Wat is er veranderd sinds de vorige editie" in html
    assert response.context["inspanningen"][0] | {} == {
        "code": "A1", "titel": "Woningbouwversneller", "anker": "inspanning-a1", "open": 1, "totaal": 1,
    }  # fmt: skip
    veranderd = {i["code"]: [r["tekst"] for r in i["regels"]] for i in response.context["veranderd"]}
    assert "Nieuw in deze editie" in veranderd["A4"]
    assert any("→" in t or "Toelichting" in t for regels in veranderd.values() for t in regels)


def test_query_count_of_the_review_page_does_not_grow_with_data(
    ter_review, gebruikers, client, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from molenlanden.testing import vermenigvuldig_demodata

    def tellen():
        client.force_login(gebruikers["projectleider"])
        with CaptureQueriesContext(connection) as overzicht:
            assert client.get(reverse("rapportage:review", args=[ter_review.slug])).status_code == 200
        client.force_login(gebruikers["redacteur"])
        with CaptureQueriesContext(connection) as detail:
            assert client.get(ter_review.get_absolute_url()).status_code == 200
        return len(overzicht), len(detail)

    for plek in ("editie", "thema:A", "inspanning:A1:planning"):
        review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek=plek)
    een = tellen()
    vermenigvuldig_demodata(10)
    for n in range(2, 11):
        review.plaats_opmerking(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek=f"inspanning:A1-{n}")
    assert tellen() == een
    print("query counts (overzicht, detail):", een)

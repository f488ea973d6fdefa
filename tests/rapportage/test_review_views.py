"""Every review view per role, the POST forms without JavaScript, and the e-mail they send."""

import lxml.html
import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from dorpen.models import Kern
from rapportage import review
from rapportage.builder import build_structuur
from rapportage.models import Opmerking
from rapportage.rendering import render_context
from thema.models import Inspanning, Thema, Voortgang

pytestmark = pytest.mark.django_db


def _urls(slug, pk):
    return {
        ("GET", reverse("rapportage:review", args=[slug])): {"projectleider"},
        ("GET", reverse("rapportage:achterstand", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:herinneren", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:ter_review_sturen", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:terug_naar_concept", args=[slug])): {"projectleider"},
        ("POST", reverse("rapportage:opmerking_plaatsen", args=[slug])): {"projectleider", "redacteur"},
        ("GET", reverse("rapportage:opmerking_nieuw", args=[slug]) + "?plek=editie"): {"projectleider", "redacteur"},
        ("POST", reverse("rapportage:opmerking_oplossen", args=[slug, pk])): {"projectleider"},
        ("POST", reverse("rapportage:oordeel_geven", args=[slug])): {"redacteur"},
    }


@pytest.mark.parametrize("rol", ["anoniem", "college", "trekker", "redacteur", "projectleider"])
def test_permissions_per_role(ter_review, gebruikers, client, rol):
    draad = review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek="editie")
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
    review.opmerking_plaatsen(
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
    review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="Niet-voor-college", plek="editie")
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
        draad = review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="Vraag", plek="thema:A")
        review.opmerking_plaatsen(ter_review, auteur=gebruikers["projectleider"], tekst="Antwoord", parent_id=draad.pk)
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
    review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek="inspanning:A1:planning")
    client.force_login(gebruikers["projectleider"])
    response = client.get(reverse("rapportage:review", args=[ter_review.slug]))
    html = response.content.decode()
    assert "Wat is er veranderd sinds de vorige editie" in html
    assert response.context["inspanningen"][0] | {} == {
        "code": "A1", "titel": "Woningbouwversneller", "anker": "inspanning-a1", "open": 1, "totaal": 1,
    }  # fmt: skip
    veranderd = {i["code"]: [r["tekst"] for r in i["regels"]] for i in response.context["veranderd"]}
    assert "Nieuw in deze editie" in veranderd["A4"]
    assert "Planning: groen → oranje" in veranderd["A1"]
    a1 = next(i for i in response.context["veranderd"] if i["code"] == "A1")
    vorige = ter_review.vorige_editie.peildatum
    oud = Voortgang.objects.filter(inspanning__code="A1", peildatum__lte=vorige).latest("peildatum")
    regel = next(r for r in a1["regels"] if r["tekst"] == "Toelichting planning gewijzigd")
    assert regel["oud"] == oud.planning_toelichting and "zienswijzen" in regel["nieuw"]


def test_query_count_of_the_review_page_does_not_grow_with_data(
    ter_review, gebruikers, client, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from molenlanden.demo.scale import multiply_demodata

    def tellen():
        client.force_login(gebruikers["projectleider"])
        with CaptureQueriesContext(connection) as overzicht:
            assert client.get(reverse("rapportage:review", args=[ter_review.slug])).status_code == 200
        client.force_login(gebruikers["redacteur"])
        with CaptureQueriesContext(connection) as detail:
            assert client.get(ter_review.get_absolute_url()).status_code == 200
        return len(overzicht), len(detail)

    for plek in ("editie", "thema:A", "inspanning:A1:planning"):
        review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek=plek)
    een = tellen()
    multiply_demodata(10)
    for n in range(2, 11):
        review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek=f"inspanning:A1-{n}")
    assert tellen() == een
    print("query counts (overzicht, detail):", een)


# The outcome of a post, at the place it was about (WCAG 4.1.3): without JavaScript the redirect lands on the block's
# anchor and the message is inside that block; htmx swaps exactly that block (see test_browser_review.py).

THEMA_A = "thema-wonen-en-leven-in-molenlanden"


def _blok(response, blok_id):
    assert response.redirect_chain[-1][0].endswith(f"#{blok_id}"), response.redirect_chain
    return lxml.html.fromstring(response.content).get_element_by_id(blok_id)


def _melding(blok, rol):
    return " ".join(e.text_content().strip() for e in blok.xpath(f".//*[@role='{rol}']"))


@pytest.mark.parametrize(
    ("plek", "terug", "blok_id"),
    [
        ("inspanning:A1:planning", "inspanning-a1-review", "inspanning-a1-planning"),
        ("inspanning:A1", "inspanning-a1-review", "inspanning-a1-review"),
        ("thema:A", f"{THEMA_A}-review", f"{THEMA_A}-review"),
        ("kern:arkel", "kern-arkel-review", "kern-arkel-review"),
        ("editie", "review-editie", "review-editie"),
    ],
)
def test_without_javascript_the_message_is_in_the_block_of_the_place(
    ter_review, gebruikers, client, plek, terug, blok_id
):
    client.force_login(gebruikers["redacteur"])
    url = reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug])
    response = client.post(url, {"plek": plek, "terug": terug, "tekst": "Klopt dit?"}, follow=True)
    blok = _blok(response, blok_id)
    assert _melding(blok, "status") == "Uw opmerking is geplaatst."
    assert "Klopt dit?" in blok.text_content()
    assert response.content.decode().count("Uw opmerking is geplaatst.") == 1  # not again at the top of the page


def test_without_javascript_an_error_is_an_alert_in_the_block_it_was_posted_from(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    url = reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug])
    response = client.post(url, {"plek": "thema:A", "terug": f"{THEMA_A}-review", "tekst": "  "}, follow=True)
    assert _melding(_blok(response, f"{THEMA_A}-review"), "alert") == "Schrijf een opmerking."


def test_without_javascript_answer_and_resolve_report_in_the_thread_block(ter_review, gebruikers, client):
    draad = review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="x", plek="thema:A")
    client.force_login(gebruikers["projectleider"])
    response = client.post(
        reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug]),
        {"parent": draad.pk, "terug": f"{THEMA_A}-review", "tekst": "Is aangepast."},
        follow=True,
    )
    assert _melding(_blok(response, f"{THEMA_A}-review"), "status") == "Uw reactie is geplaatst."
    response = client.post(reverse("rapportage:opmerking_oplossen", args=[ter_review.slug, draad.pk]), follow=True)
    melding = _melding(_blok(response, f"{THEMA_A}-review"), "status")
    assert melding == "De opmerking over thema A. Wonen en leven in Molenlanden is opgelost."


def test_without_javascript_the_verdict_reports_next_to_the_verdict_form(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    url = reverse("rapportage:oordeel_geven", args=[ter_review.slug])
    response = client.post(url, {"oordeel": "wijzigingen_nodig"}, follow=True)
    assert _melding(_blok(response, "review-oordeel"), "alert") == "Licht toe welke wijzigingen nodig zijn."
    response = client.post(url, {"oordeel": "akkoord"}, follow=True)
    assert _melding(_blok(response, "review-oordeel"), "status") == "Uw oordeel is vastgelegd: akkoord."


def _formulier(client, blok):
    """The comment form a place's link opens, as htmx loads it into the page (the link must be in `blok`)."""
    links = blok.xpath(".//a[@data-review-open]/@href")
    assert len(links) == 1, lxml.html.tostring(blok)[:500]
    response = client.get(links[0], headers={"HX-Request": "true"})
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def _pdf_html(editie):
    return render_to_string("rapportage/pdf.html", render_context(build_structuur(editie)) | {"gemaakt_op": "nu"})


def test_a_kern_without_dorpsacties_can_be_commented_on_in_the_review_only(ter_review, gebruikers, client):
    Kern.objects.create(naam="Zonderactie", slug="zonderactie", latitude="51.85", longitude="4.9")
    client.force_login(gebruikers["redacteur"])
    doc = lxml.html.fromstring(client.get(ter_review.get_absolute_url()).content)
    kern = doc.get_element_by_id("kern-zonderactie")
    assert _formulier(client, kern).xpath(".//input[@name='plek']/@value") == ["kern:zonderactie"]
    assert "Opmerking plaatsen over de dorpsacties in Zonderactie" in kern.text_content()

    response = client.post(
        reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug]),
        {"plek": "kern:zonderactie", "terug": "kern-zonderactie-review", "tekst": "Hier loopt toch een buurtproject?"},
        follow=True,
    )
    blok = _blok(response, "kern-zonderactie-review")
    assert "Hier loopt toch een buurtproject?" in blok.text_content()
    assert _melding(blok, "status") == "Uw opmerking is geplaatst."

    # Readers and the PDF keep the one line; no list, no comments.
    pdf = _pdf_html(ter_review)
    assert "Nog geen acties in: Zonderactie." in pdf and "kern-zonderactie" not in pdf
    client.force_login(gebruikers["college"])
    html = client.get(ter_review.get_absolute_url()).content.decode()
    assert "Nog geen acties in: Zonderactie." in html and 'id="kern-zonderactie"' not in html


@pytest.fixture
def voortgang_ter_review(voortgangsrapportage, gebruikers):
    # A thema that is all green has no section in the toelichting on oranje and rood.
    groen = Thema.objects.create(code="H", naam="Groen thema", slug="groen-thema", context="c", doel="d", volgorde=99)
    h1 = Inspanning.objects.create(thema=groen, code="H1", titel="Alles op schema", opgenomen_op="2020-01-01")
    Voortgang.objects.create(inspanning=h1, peildatum="2021-08-01", inhoud="groen", planning="groen", financien="groen")
    return review.ter_review_sturen(voortgangsrapportage, door=gebruikers["projectleider"])


def test_voortgangsrapportage_takes_comments_on_every_shown_inspanning_dimension_and_thema(
    voortgang_ter_review, gebruikers, client
):
    structuur = build_structuur(voortgang_ter_review)
    client.force_login(gebruikers["redacteur"])
    doc = lxml.html.fromstring(client.get(voortgang_ter_review.get_absolute_url()).content)
    afwijkend = [i for t in structuur["themas"] for i in t["inspanningen"] if i["afwijkend"]]
    assert afwijkend
    for i in afwijkend:
        artikel = doc.get_element_by_id(i["anker"])
        keuzes = _formulier(client, artikel).xpath(".//select[@name='plek']/option/@value")
        assert keuzes == [f"inspanning:{i['code']}"] + [f"inspanning:{i['code']}:{d['veld']}" for d in i["dimensies"]]
        for d in i["dimensies"]:
            blok = artikel.xpath(f".//*[@id='{i['anker']}-{d['veld']}']")
            assert len(blok) == 1, (i["code"], d["veld"])
            if d["kleur"] in ("oranje", "rood"):
                assert blok[0].getparent().tag == "dd"  # next to the toelichting it is about
    for thema in structuur["themas"]:
        blok = doc.get_element_by_id(f"{thema['anker']}-review")
        assert _formulier(client, blok).xpath(".//input[@name='plek']/@value") == [f"thema:{thema['code']}"]
    assert doc.get_element_by_id("thema-groen-thema").tag == "li"  # the anchor of a thema without a section

    for plek, terug, blok_id in [
        (f"inspanning:{afwijkend[0]['code']}:{afwijkend[0]['dimensies'][0]['veld']}", "", None),
        ("thema:H", "thema-groen-thema-review", "thema-groen-thema-review"),
    ]:
        blok_id = blok_id or f"{afwijkend[0]['anker']}-{afwijkend[0]['dimensies'][0]['veld']}"
        response = client.post(
            reverse("rapportage:opmerking_plaatsen", args=[voortgang_ter_review.slug]),
            {"plek": plek, "terug": terug, "tekst": f"Over {plek}"},
            follow=True,
        )
        blok = _blok(response, blok_id)
        assert f"Over {plek}" in blok.text_content()
        assert _melding(blok, "status") == "Uw opmerking is geplaatst."

    pdf = _pdf_html(voortgang_ter_review)
    assert "Opmerking" not in pdf and "review" not in pdf

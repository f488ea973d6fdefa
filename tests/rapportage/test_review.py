"""The review of a draft edition: comments, threads, verdicts, rounds, and the vaststellen precondition."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rapportage import review
from rapportage.models import Beoordeling, Opmerking, Rapportage, ReviewGebeurtenis
from rapportage.services import vaststellen

pytestmark = pytest.mark.django_db

VASTSTELLEN = {"vastgesteld_op": datetime.date(2021, 7, 1), "vastgesteld_door": "College van B&W"}


def _opmerking(editie, user, plek="inspanning:A1:planning", tekst="De planning van A1 klopt niet."):
    return review.opmerking_plaatsen(editie, auteur=user, tekst=tekst, plek=plek)


def test_ter_review_sturen_starts_a_round_and_logs_the_note(ter_review):
    assert ter_review.status == Rapportage.Status.TER_REVIEW
    assert ter_review.review_ronde == 1
    log = ReviewGebeurtenis.objects.get(rapportage=ter_review)
    assert (log.soort, log.notitie) == ("ter_review", "Kijk vooral naar thema A.")


def test_only_a_concept_can_be_sent_for_review(ter_review, gebruikers):
    with pytest.raises(ValidationError, match="Alleen een concept"):
        review.ter_review_sturen(ter_review, door=gebruikers["projectleider"])


def test_comment_points_at_a_dimension_of_an_inspanning(ter_review, gebruikers):
    opmerking = _opmerking(ter_review, gebruikers["redacteur"])
    assert (opmerking.soort, opmerking.code, opmerking.dimensie) == ("inspanning", "A1", "planning")
    assert opmerking.anker == "inspanning-a1-planning"
    assert opmerking.plek_label == "A1 — planning"
    assert opmerking.ronde == 1
    assert opmerking.is_open


@pytest.mark.parametrize("plek", ["editie", "thema:A", "inspanning:A1", "kern:arkel"])
def test_comment_on_every_kind_of_place(ter_review, gebruikers, plek):
    opmerking = _opmerking(ter_review, gebruikers["redacteur"], plek=plek)
    assert opmerking.plek == plek


def test_comment_on_an_unknown_place_is_refused(ter_review, gebruikers):
    with pytest.raises(ValidationError, match="staat niet in deze editie"):
        _opmerking(ter_review, gebruikers["redacteur"], plek="inspanning:ZZ9")


def test_empty_comment_is_refused(ter_review, gebruikers):
    with pytest.raises(ValidationError, match="Schrijf een opmerking"):
        _opmerking(ter_review, gebruikers["redacteur"], tekst="   ")


def test_no_comments_on_a_concept(update, gebruikers):
    with pytest.raises(ValidationError, match="zolang de editie ter review ligt"):
        _opmerking(update, gebruikers["redacteur"])


def test_college_cannot_comment(ter_review, gebruikers):
    with pytest.raises(ValidationError):
        _opmerking(ter_review, gebruikers["college"])


def test_answer_joins_the_thread_and_resolving_never_deletes(ter_review, gebruikers):
    draad = _opmerking(ter_review, gebruikers["redacteur"])
    antwoord = review.opmerking_plaatsen(
        ter_review, auteur=gebruikers["projectleider"], tekst="Aangepast.", parent_id=draad.pk
    )
    assert antwoord.parent == draad and antwoord.anker == draad.anker
    review.opmerking_oplossen(draad, door=gebruikers["projectleider"])
    draad.refresh_from_db()
    assert draad.opgelost_door == gebruikers["projectleider"] and draad.opgelost_op
    assert Opmerking.objects.filter(rapportage=ter_review).count() == 2
    assert not Opmerking.objects.open().exists()


def test_only_the_projectleider_resolves(ter_review, gebruikers):
    draad = _opmerking(ter_review, gebruikers["redacteur"])
    with pytest.raises(ValidationError, match="Alleen de projectleider"):
        review.opmerking_oplossen(draad, door=gebruikers["redacteur"])


def test_verdict_wijzigingen_nodig_needs_an_explanation(ter_review, gebruikers):
    with pytest.raises(ValidationError, match="toelichting"):
        review.oordeel_geven(ter_review, redacteur=gebruikers["redacteur"], oordeel="wijzigingen_nodig")


def test_redacteur_can_change_the_verdict_within_the_round(ter_review, gebruikers):
    redacteur = gebruikers["redacteur"]
    review.oordeel_geven(ter_review, redacteur=redacteur, oordeel="wijzigingen_nodig", toelichting="A1 aanpassen.")
    review.oordeel_geven(ter_review, redacteur=redacteur, oordeel="akkoord")
    assert Beoordeling.objects.get(rapportage=ter_review).oordeel == "akkoord"


def test_back_to_concept_keeps_comments_and_verdicts_visible_in_the_next_round(ter_review, gebruikers, client):
    pl, redacteur = gebruikers["projectleider"], gebruikers["redacteur"]
    _opmerking(ter_review, redacteur, tekst="Ronde-een-opmerking")
    review.oordeel_geven(ter_review, redacteur=redacteur, oordeel="wijzigingen_nodig", toelichting="Ronde-een-oordeel")
    with pytest.raises(ValidationError, match="notitie"):
        review.terug_naar_concept(ter_review, door=pl, notitie="")
    editie = review.terug_naar_concept(ter_review, door=pl, notitie="Ik pas A1 aan.")
    assert editie.status == "concept"
    editie = review.ter_review_sturen(editie, door=pl)
    assert editie.review_ronde == 2
    review.oordeel_geven(editie, redacteur=redacteur, oordeel="akkoord")
    assert Beoordeling.objects.filter(rapportage=editie).count() == 2

    client.force_login(redacteur)
    html = client.get(editie.get_absolute_url()).content.decode()
    assert "Ronde-een-opmerking" in html and "ronde 1" in html
    assert "Ronde-een-oordeel" in html
    client.force_login(pl)
    html = client.get(reverse("rapportage:review", args=[editie.slug])).content.decode()
    assert "Eerdere rondes" in html and "Ronde-een-oordeel" in html and "Ik pas A1 aan." in html


def test_vaststellen_refused_with_open_comments(ter_review, gebruikers):
    _opmerking(ter_review, gebruikers["redacteur"])
    with pytest.raises(ValidationError, match="1 open opmerking"):
        vaststellen(ter_review, **VASTSTELLEN)
    ter_review.refresh_from_db()
    assert ter_review.status == "ter_review"


def test_vaststellen_refused_for_a_concept_that_was_never_reviewed(update):
    with pytest.raises(ValidationError, match="niet ter review geweest"):
        vaststellen(update, **VASTSTELLEN)


def test_vaststellen_with_override_records_the_reason(ter_review, gebruikers):
    _opmerking(ter_review, gebruikers["redacteur"])
    editie = vaststellen(
        ter_review, **VASTSTELLEN, override_reden="Het college besluit vandaag.", door=gebruikers["projectleider"]
    )
    assert editie.is_vastgesteld
    log = ReviewGebeurtenis.objects.get(rapportage=editie, soort="override")
    assert log.notitie == "Het college besluit vandaag." and log.door == gebruikers["projectleider"]


def test_vaststellen_after_a_clean_review_needs_no_override(ter_review, gebruikers):
    draad = _opmerking(ter_review, gebruikers["redacteur"])
    review.opmerking_oplossen(draad, door=gebruikers["projectleider"])
    editie = vaststellen(ter_review, **VASTSTELLEN)
    assert editie.is_vastgesteld
    assert ReviewGebeurtenis.objects.filter(rapportage=editie, soort="vastgesteld").exists()


def test_admin_vaststellen_form_asks_for_the_override(ter_review, gebruikers, client):
    _opmerking(ter_review, gebruikers["redacteur"])
    client.force_login(gebruikers["projectleider"])
    url = reverse("admin:rapportage_rapportage_vaststellen", args=[ter_review.pk])
    data = {"vastgesteld_op": "2021-07-01", "vastgesteld_door": "College"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "open opmerking" in response.content.decode()
    response = client.post(url, data | {"override_reden": "Besluit kan niet wachten."})
    assert response.status_code == 302
    assert ReviewGebeurtenis.objects.filter(soort="override", notitie="Besluit kan niet wachten.").exists()


def test_pdf_shows_nothing_of_the_review(ter_review, gebruikers):
    from django.template.loader import render_to_string

    from rapportage.builder import build_structuur
    from rapportage.rendering import render_context

    _opmerking(ter_review, gebruikers["redacteur"], tekst="Geheime-redactie-opmerking")
    html = render_to_string("rapportage/pdf.html", render_context(build_structuur(ter_review)))
    assert "Geheime-redactie-opmerking" not in html and "Opmerking plaatsen" not in html

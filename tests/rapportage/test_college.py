"""The college's landing: adopted editions first with date and decision number, concepts clearly marked."""

import datetime

import pytest
from django.urls import reverse

from rapportage.models import Rapportage

pytestmark = pytest.mark.django_db


def test_adopted_first_with_decision_number_and_pdf(update, wrap_up, gebruikers, client):
    Rapportage.objects.filter(pk=wrap_up.pk).update(
        status="vastgesteld", vastgesteld_op=datetime.date(2020, 12, 15), besluitnummer="B&W-2020-123"
    )
    Rapportage.objects.filter(pk=update.pk).update(status="ter_review")
    client.force_login(gebruikers["college"])
    response = client.get(reverse("rapportage:lijst"))
    assert [e.slug for e in response.context["edities"]] == ["wrap-up-2020", "update-2021"]
    html = response.content.decode()
    assert "B&amp;W-2020-123" in html and "15 december 2020" in html
    assert html.index("wrap-up-2020") < html.index("update-2021")
    assert "Ter review: nog niet vastgesteld" in html and "Concept</span>" in html
    assert reverse("rapportage:pdf", args=["wrap-up-2020"]) in html
    assert reverse("rapportage:pdf", args=["update-2021"]) in html


def test_college_reads_a_concept_in_review_marked_as_concept(update, gebruikers, client):
    Rapportage.objects.filter(pk=update.pk).update(status="ter_review")
    client.force_login(gebruikers["college"])
    html = client.get(update.get_absolute_url()).content.decode()
    assert "dit is een concept" in html and "Opmerking plaatsen" not in html

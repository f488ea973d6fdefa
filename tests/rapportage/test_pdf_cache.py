"""Downloading the PDF: a concept renders only when its content changed; an adopted edition is the stored file."""

from __future__ import annotations

import datetime
import io
from unittest import mock

import pypdf
import pytest
from django.core.cache import cache

from rapportage import pdf, services
from rapportage.models import Rapportage
from tests.kleine_editie import kleine_editie
from thema.models import Voortgang


@pytest.fixture
def editie(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    return kleine_editie()


@pytest.fixture
def redacteur(client, gebruikers):
    client.force_login(gebruikers["redacteur"])
    return client


@pytest.fixture
def render_spy():
    with mock.patch.object(pdf, "render_pdf", wraps=pdf.render_pdf) as spy:
        yield spy


def test_an_unchanged_concept_is_rendered_once(redacteur, editie, render_spy):
    url = f"/rapportages/{editie.slug}/pdf/"
    eerste = redacteur.get(url)
    tweede = redacteur.get(url)

    assert eerste.status_code == tweede.status_code == 200
    assert eerste["Content-Type"] == "application/pdf"
    assert eerste["Content-Disposition"] == 'attachment; filename="testrapportage-2021-2021-06-01-concept.pdf"'
    inhoud = eerste.getvalue()
    assert inhoud.startswith(b"%PDF-1.7")
    assert tweede.getvalue() == inhoud
    assert render_spy.call_count == 1


def test_a_changed_toelichting_renders_again(redacteur, editie, render_spy):
    url = f"/rapportages/{editie.slug}/pdf/"
    redacteur.get(url)
    voortgang = Voortgang.objects.get(inspanning__code="A2")
    voortgang.inhoud_toelichting = "<p>Een nieuwe toelichting: de vergunning is verleend.</p>"
    voortgang.save()

    redacteur.get(url)
    redacteur.get(url)

    assert render_spy.call_count == 2


@pytest.mark.pdf
def test_an_adopted_edition_downloads_its_stored_bytes(redacteur, editie, render_spy):
    Rapportage.objects.filter(pk=editie.pk).update(status=Rapportage.Status.TER_REVIEW)
    editie.refresh_from_db()
    services.vaststellen(editie, vastgesteld_op=datetime.date(2021, 7, 6), vastgesteld_door="College van B en W")
    editie.refresh_from_db()
    with editie.pdf.open("rb") as f:
        opgeslagen = f.read()
    Voortgang.objects.filter(inspanning__code="A1").update(inhoud="rood")  # later changes never reach it

    response = redacteur.get(f"/rapportages/{editie.slug}/pdf/")

    assert response.getvalue() == opgeslagen
    assert response["Content-Disposition"] == 'attachment; filename="testrapportage-2021-2021-06-01-vastgesteld.pdf"'
    assert render_spy.call_count == 1  # only vaststellen rendered
    omslag = pypdf.PdfReader(io.BytesIO(opgeslagen)).pages[0].extract_text()
    assert "Vastgesteld op 6 juli 2021 door College van B en W" in omslag

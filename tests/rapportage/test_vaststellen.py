import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError

from dorpen.models import Dorpsactie
from rapportage.models import Rapportage
from rapportage.services import vaststellen
from thema.models import Inspanning, Voortgang

OPTIES = {
    "vastgesteld_op": datetime.date(2021, 7, 6),
    "vastgesteld_door": "College van B&W",
    "besluitnummer": "B-21/88",
    "override_reden": "Test zonder review",  # the review itself is tested in test_review*.py
}


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]  # the page around it carries a fresh CSRF token


def _vaststellen(rapportage):
    return vaststellen(rapportage, **OPTIES, openbaar=True)


def test_adopted_edition_never_changes(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    editie = _vaststellen(update)
    pagina_voor = _main(client.get(f"/rapportages/{update.slug}/"))
    pdf_voor = client.get(f"/rapportages/{update.slug}/pdf/").getvalue()

    a1 = Inspanning.objects.get(code="A1")
    a1.titel = "Nieuwe titel na vaststelling"
    a1.save()
    Voortgang.objects.filter(inspanning=a1).update(planning="rood", planning_toelichting="<p>Alles anders</p>")
    Dorpsactie.objects.update(titel="Gewijzigd")

    pagina_na = _main(client.get(f"/rapportages/{update.slug}/"))
    pdf_na = client.get(f"/rapportages/{update.slug}/pdf/").getvalue()
    assert pagina_na == pagina_voor
    assert "Nieuwe titel na vaststelling" not in pagina_na
    assert pdf_na == pdf_voor
    assert hashlib.sha256(pdf_na).hexdigest() == editie.pdf_sha256
    assert "vastgesteld op 6 juli 2021 door College van B&amp;W (besluit B-21/88)" in pagina_na


def test_adoption_stores_snapshot_pdf_and_hash(update):
    editie = _vaststellen(update)

    assert editie.status == "vastgesteld"
    assert editie.snapshot["editie"]["status"] == "vastgesteld"
    assert editie.snapshot["editie"]["besluitnummer"] == "B-21/88"
    with editie.pdf.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == editie.pdf_sha256


def test_a_render_failure_changes_nothing(update, monkeypatch, tmp_path):
    def kapot(structuur):
        raise RuntimeError("WeasyPrint viel om")

    monkeypatch.setattr("rapportage.pdf.render_pdf", kapot)
    _vaststellen(update)  # the render runs in the background: its failure is recorded there

    update.refresh_from_db()
    assert (update.status, update.snapshot, update.pdf.name, update.vastgesteld_op) == ("concept", None, "", None)
    assert not list(tmp_path.rglob("*.pdf"))
    assert (update.pdf_render.status, update.pdf_render.melding) == ("mislukt", "WeasyPrint viel om")
    assert update.pdf_render.vaststellen is None  # not adopted later by a next render either


def test_an_adopted_edition_cannot_be_adopted_again(update):
    _vaststellen(update)
    with pytest.raises(ValidationError, match="al vastgesteld"):
        _vaststellen(update)


def test_admin_adopts_through_its_form(client, gebruikers, update):
    client.force_login(gebruikers["projectleider"])
    url = f"/admin/rapportage/rapportage/{update.pk}/vaststellen/"

    fout = client.post(url, {"vastgesteld_op": "2099-01-01", "vastgesteld_door": "College"})
    assert "niet in de toekomst" in fout.content.decode()
    update.refresh_from_db()
    assert update.status == "concept"

    response = client.post(
        url,
        {"vastgesteld_op": "2021-07-06", "vastgesteld_door": "College", "openbaar": "on", "override_reden": "Test"},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.status, update.openbaar, update.vastgesteld_op) == ("vastgesteld", True, datetime.date(2021, 7, 6))


@pytest.mark.parametrize("rol", ["redacteur", "college", "trekker"])
def test_only_the_projectleider_adopts(client, gebruikers, update, rol):
    client.force_login(gebruikers[rol])
    response = client.post(
        f"/admin/rapportage/rapportage/{update.pk}/vaststellen/",
        {"vastgesteld_op": "2021-07-06", "vastgesteld_door": "x"},
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    update.refresh_from_db()
    assert update.status == "concept"


def test_admin_keeps_an_adopted_edition_frozen_except_openbaar(client, gebruikers, update):
    _vaststellen(update)
    client.force_login(gebruikers["projectleider"])
    url = f"/admin/rapportage/rapportage/{update.pk}/change/"

    planning_leeg = {"fasen-TOTAL_FORMS": "0", "fasen-INITIAL_FORMS": "0"}  # the inline with the planning
    client.post(url, {"titel": "Andere titel", "peildatum": "2030-01-01", "openbaar": ""} | planning_leeg)

    editie = Rapportage.objects.get(pk=update.pk)
    assert (editie.titel, editie.peildatum, editie.openbaar) == ("Update 2021", datetime.date(2021, 6, 1), False)
    assert client.post(f"/admin/rapportage/rapportage/{update.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Rapportage.objects.filter(pk=update.pk).exists()


def test_the_stored_pdf_is_not_public_media(update, settings):
    editie = _vaststellen(update)
    assert not settings.MEDIA_ROOT.exists() or not list(settings.MEDIA_ROOT.rglob("*.pdf"))
    assert (settings.PRIVATE_ROOT / editie.pdf.name).exists()

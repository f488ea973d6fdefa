"""The projectleider's admin pages: export, import with a preview and a confirmation, Word import; nobody else."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from molenlanden.programma_io.werkmap import exporteer_programma
from tests.helpers import rij_van, werkmap_cellen, wijzig_werkmap
from tests.molenlanden.test_programma_word import docx, seed_document
from thema.models import Inspanning

IMPORT = "/admin/programma/importeren/"
WORD = "/admin/programma/word-importeren/"


def upload(inhoud: bytes, naam="programma.xlsx"):
    return SimpleUploadedFile(naam, inhoud)


@pytest.fixture
def werkmap(demo):
    return exporteer_programma(datetime.date(2021, 6, 1))


def test_admin_index_and_thema_list_link_to_the_pages(projectleider, demo):
    index = projectleider.get("/admin/").content.decode()
    for pad in ("/admin/programma/exporteren/", IMPORT, WORD):
        assert f'href="{pad}"' in index
    assert f'href="{WORD}"' in projectleider.get("/admin/thema/thema/").content.decode()


def test_export_downloads_the_workbook_for_a_peildatum(projectleider, werkmap):
    assert "Werkmap downloaden" in projectleider.get("/admin/programma/exporteren/").content.decode()
    response = projectleider.get("/admin/programma/exporteren/", {"peildatum": "2021-06-01"})
    assert response["Content-Disposition"] == 'attachment; filename="programma-2021-06-01.xlsx"'
    assert werkmap_cellen(response.content) == werkmap_cellen(werkmap)


def test_export_refuses_a_bad_date_with_a_message(projectleider, demo):
    html = projectleider.get("/admin/programma/exporteren/", {"peildatum": "morgen"}).content.decode()
    assert "Voer een geldige datum in." in html


def test_a_file_with_errors_shows_them_and_offers_no_confirmation(projectleider, werkmap):
    rij = rij_van(werkmap, "Inspanningen", "Code", "A1")
    fout = wijzig_werkmap(werkmap, "Inspanningen", {(rij, "Inhoud"): "geel", (rij + 1, "Thema"): "Z"})
    html = projectleider.post(IMPORT, {"bestand": upload(fout)}).content.decode()
    assert "2 fouten in “programma.xlsx”. Er is niets veranderd." in html
    assert "kleur &#x27;geel&#x27; bestaat niet; kies groen, oranje, rood of grijs" in html
    assert f"<td>rij {rij + 1}</td><td>Thema</td>" in html
    assert 'name="token"' not in html
    assert 'type="file"' in html  # choose the corrected file right here


def test_preview_then_confirm_imports_and_the_token_works_once(projectleider, werkmap):
    rij = rij_van(werkmap, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(werkmap, "Inspanningen", {(rij, "Titel"): "Sneller bouwen"})
    preview = projectleider.post(IMPORT, {"bestand": upload(gewijzigd)})
    html = preview.content.decode()
    assert "Inspanningen: 0 nieuw, 1 gewijzigd, 23 ongewijzigd" in html
    assert "Titel: Woningbouwversneller → Sneller bouwen" in html
    assert Inspanning.objects.get(code="A1").titel == "Woningbouwversneller"

    token = preview.context["token"]
    response = projectleider.post(IMPORT, {"token": token}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "“programma.xlsx” is geïmporteerd. Inspanningen: 0 nieuw, 1 gewijzigd, 23 ongewijzigd." in (
        response.content.decode()
    )
    assert Inspanning.objects.get(code="A1").titel == "Sneller bouwen"

    opnieuw = projectleider.post(IMPORT, {"token": token}, follow=True)
    assert "Dit voorbeeld is verlopen of al gebruikt. Kies het bestand opnieuw." in opnieuw.content.decode()


def test_a_token_from_another_session_is_refused(projectleider, werkmap, gebruikers):
    from django.test import Client

    token = projectleider.post(IMPORT, {"bestand": upload(werkmap)}).context["token"]
    ander = Client()
    ander.force_login(gebruikers["projectleider"])
    response = ander.post(IMPORT, {"token": token}, follow=True)
    assert "Dit voorbeeld is verlopen of al gebruikt." in response.content.decode()


def test_a_wrong_file_is_refused_on_the_form(projectleider, demo):
    html = projectleider.post(IMPORT, {"bestand": upload(b"a;b\n", "programma.csv")}).content.decode()
    assert "Dit is geen Excel-werkmap: de naam eindigt niet op .xlsx." in html


def test_word_import_previews_what_was_read_and_imports_on_confirmation(projectleider, demo):
    thema = Inspanning.objects.get(code="A1").thema
    data = {"bestand": upload(docx(seed_document("A7 Uitvoeringsagenda")), "a7.docx"), "thema": thema.pk,
            "peildatum": "2021-09-01"}  # fmt: skip
    preview = projectleider.post(WORD, data)
    html = preview.content.decode()
    assert '<h3 id="gelezen-1">A7 Uitvoeringsagenda</h3>' in html
    assert '<span class="stoplicht stoplicht-groen">Groen</span>' in html
    assert "bedragen in de tekst (€\u00a013.000,-, €\u00a0146.830,-) staan in de toelichting" in html
    response = projectleider.post(WORD, {"token": preview.context["token"]}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/thema/inspanning/"
    assert Inspanning.objects.get(code="A7").voortgang.get().peildatum == datetime.date(2021, 9, 1)


def test_only_the_projectleider_imports(client, gebruikers, werkmap):
    """A member of staff without the projectleider's role (and rights) is refused, even for a valid file."""
    redacteur = gebruikers["redacteur"]
    redacteur.is_staff = True
    redacteur.save()
    client.force_login(redacteur)
    for pad in ("/admin/programma/exporteren/", IMPORT, WORD):
        assert client.get(pad).status_code == 403
    assert client.post(IMPORT, {"bestand": upload(werkmap)}).status_code == 403
    redacteur.groups.add(Group.objects.get(name="projectleider"))
    client.force_login(redacteur)
    assert client.get(IMPORT).status_code == 200

import datetime

import pytest
from playwright.sync_api import expect

from molenlanden.programma_io.werkmap import exporteer_programma
from tests.helpers import rij_van, wijzig_werkmap
from tests.molenlanden.test_programma_word import docx, seed_document
from thema.models import Inspanning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_projectleider_fixes_two_bad_rows_and_imports_the_workbook(
    page, live_server, gebruikers, live_demo, login, assert_accessible, tmp_path
):
    werkmap = exporteer_programma(datetime.date(2021, 6, 1))
    a1, b1 = rij_van(werkmap, "Inspanningen", "Code", "A1"), rij_van(werkmap, "Inspanningen", "Code", "B1")
    goed = wijzig_werkmap(werkmap, "Inspanningen", {(a1, "Titel"): "Sneller bouwen", (b1, "Inhoud"): "Groen"})
    fout = wijzig_werkmap(goed, "Inspanningen", {(a1, "Inhoud"): "geel", (b1, "Opgenomen op"): "31-02-2021"})
    (tmp_path / "programma.xlsx").write_bytes(fout)

    login("projectleider")
    page.get_by_role("link", name="Beheer").click()
    page.get_by_role("link", name="Programma importeren").click()
    expect(page.get_by_role("heading", name="Programma importeren")).to_be_visible()
    assert_accessible()

    page.get_by_label("Excel-werkmap (.xlsx)").set_input_files(str(tmp_path / "programma.xlsx"))
    page.get_by_role("button", name="Bekijken wat er verandert").click()
    expect(page.get_by_role("alert")).to_contain_text("2 fouten in “programma.xlsx”. Er is niets veranderd.")
    fouten = page.get_by_role("table", name="Fouten in Inspanningen")
    expect(fouten).to_contain_text(f"rij {a1}")
    expect(fouten).to_contain_text("kleur 'geel' bestaat niet; kies groen, oranje, rood of grijs")
    expect(fouten).to_contain_text(f"rij {b1}")
    expect(fouten).to_contain_text("datum '31-02-2021' bestaat niet")
    expect(page.get_by_role("button", name="Importeren", exact=True)).to_have_count(0)
    assert_accessible()

    (tmp_path / "programma.xlsx").write_bytes(goed)  # corrected in Excel, saved under the same name
    page.get_by_label("Excel-werkmap (.xlsx)").set_input_files(str(tmp_path / "programma.xlsx"))
    page.get_by_role("button", name="Bekijken wat er verandert").click()
    expect(page.get_by_role("status")).to_contain_text("is gelezen en heeft geen fouten")
    wijzigingen = page.get_by_role("table", name="Wat verandert in Inspanningen")
    expect(wijzigingen).to_contain_text("Titel: Woningbouwversneller → Sneller bouwen")
    assert Inspanning.objects.get(code="A1").titel == "Woningbouwversneller"
    assert_accessible()

    page.get_by_role("button", name="Importeren", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(
        "“programma.xlsx” is geïmporteerd. Inspanningen: 0 nieuw, 2 gewijzigd"
    )
    assert_accessible()
    assert Inspanning.objects.get(code="A1").titel == "Sneller bouwen"
    assert Inspanning.objects.get(code="B1").voortgang.get(peildatum="2021-06-01").inhoud == "groen"


def test_word_import_and_export_pages_are_accessible(
    page, live_server, gebruikers, live_demo, login, assert_accessible, tmp_path
):
    (tmp_path / "a7.docx").write_bytes(docx(seed_document("A7 Uitvoeringsagenda")))
    login("projectleider")
    page.goto(f"{live_server.url}/admin/programma/exporteren/")
    expect(page.get_by_role("heading", name="Programma exporteren")).to_be_visible()
    assert_accessible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Werkmap downloaden").click()
    assert download.value.suggested_filename == "programma-nieuwste.xlsx"

    page.goto(f"{live_server.url}/admin/programma/word-importeren/")
    assert_accessible()
    page.get_by_label("Word-document (.docx)").set_input_files(str(tmp_path / "a7.docx"))
    page.get_by_label("Thema").select_option(label="A. Wonen en leven in Molenlanden")
    page.get_by_label("Peildatum").fill("2021-09-01")
    page.get_by_role("button", name="Bekijken wat er gelezen wordt").click()
    expect(page.get_by_role("heading", name="A7 Uitvoeringsagenda")).to_be_visible()
    assert_accessible()
    page.get_by_role("button", name="Importeren", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("“a7.docx” is geïmporteerd.")
    assert Inspanning.objects.filter(code="A7").exists()

import datetime

import pytest
from playwright.sync_api import expect

from rapportage.services import vaststellen
from tests.helpers import nieuwe_editie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_college_downloads_the_adopted_pdf(page, live_server, gebruikers, live_demo, login, assert_accessible):
    editie = nieuwe_editie(
        titel="Digitale wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1)
    )
    editie = vaststellen(
        editie,
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="het college van burgemeester en wethouders",
        besluitnummer="2021-014",
        override_reden="Vastgesteld vóór de review in de applicatie",
    )
    nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))

    login("college")

    expect(page.get_by_role("heading", name="Rapportages")).to_be_visible()  # the college lands on the editions
    rijen = page.get_by_role("row")
    expect(rijen.nth(1)).to_contain_text("Digitale wrap-up 2020")  # adopted first
    expect(rijen.nth(1)).to_contain_text("19 januari 2021")
    expect(rijen.nth(1)).to_contain_text("2021-014")
    expect(rijen.nth(2)).to_contain_text("Concept")
    assert_accessible()

    with page.expect_download() as info:
        rijen.nth(1).get_by_role("link", name="PDF downloaden").click()
    download = info.value
    assert download.suggested_filename == "wrap-up-2020-2020-11-01-vastgesteld.pdf"
    with open(download.path(), "rb") as f, editie.pdf.open("rb") as opgeslagen:
        assert f.read() == opgeslagen.read()  # byte for byte the archived file

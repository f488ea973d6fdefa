import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.helpers import nieuwe_editie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def edities(live_demo):
    """The three kinds of edition on the committed demo programme (a live server reads from its own thread)."""
    for titel, slug, soort, peildatum in (
        ("Digitale wrap-up 2020", "wrap-up-2020", "wrap_up", datetime.date(2020, 11, 1)),
        ("Update 2021", "update-2021", "update", datetime.date(2021, 6, 1)),
        ("Voortgangsrapportage najaar 2021", "vgr-najaar-2021", "voortgang", datetime.date(2021, 9, 1)),
    ):
        nieuwe_editie(titel=titel, slug=slug, soort=soort, peildatum=peildatum)


def test_college_reads_each_kind_of_edition(page, live_server, gebruikers, edities, login, assert_accessible):
    login("college")
    page.goto(f"{live_server.url}/rapportages/")
    expect(page.get_by_role("heading", name="Rapportages")).to_be_visible()
    assert_accessible()

    for titel, kop in (
        ("Digitale wrap-up 2020", "In de dorpen en de stad"),
        ("Update 2021", "Wat is er veranderd"),
        ("Voortgangsrapportage najaar 2021", "Toelichting op oranje en rood"),
    ):
        page.goto(f"{live_server.url}/rapportages/")
        page.get_by_role("link", name=titel, exact=True).click()
        expect(page.get_by_role("heading", name=titel, level=1)).to_be_visible()
        expect(page.get_by_role("heading", name=kop, level=2)).to_be_visible()
        expect(page.get_by_role("heading", name="Kernboodschap", level=2)).to_be_visible()
        expect(page.get_by_role("table", name=re.compile("^Alle inspanningen met hun oordeel"))).to_be_visible()
        expect(page.get_by_role("navigation", name="Inhoud van deze editie")).to_be_visible()
        assert_accessible()


def test_table_of_contents_leads_to_the_inspanning(page, live_server, gebruikers, edities, login):
    login("redacteur")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    inhoud = page.get_by_role("navigation", name="Inhoud van deze editie")
    expect(inhoud.get_by_role("link", name="A1 Woningbouwversneller")).to_be_hidden()  # folded: the key message first
    inhoud.get_by_text("Inhoud van deze editie").click()
    inhoud.get_by_role("link", name="A1 Woningbouwversneller").click()
    assert page.url.endswith("#inspanning-a1")
    expect(page.locator("#inspanning-a1").get_by_text("Oranje")).to_be_visible()

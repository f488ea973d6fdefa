import datetime

import pytest
from playwright.sync_api import expect

from tests.helpers import TEST_PASSWORD
from thema.models import Inspanning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_projectleider_adds_voortgang_in_the_admin(page, live_server, gebruikers, live_demo, login, assert_accessible):
    login("projectleider")
    assert_accessible()

    page.get_by_role("link", name="Beheer").click()
    expect(page.get_by_role("heading", name="Beheer van het programma")).to_be_visible()
    assert_accessible()

    page.get_by_role("link", name="Inspanningen").click()
    expect(page.get_by_role("heading", name="Selecteer inspanning om te wijzigen")).to_be_visible()
    assert_accessible()

    page.get_by_role("link", name="A1", exact=True).click()
    expect(page.get_by_role("heading", name="A1 Woningbouwversneller")).to_be_visible()
    expect(page.locator(".ProseMirror").first).to_be_visible()  # the editor loaded
    expect(page.get_by_role("button", name="Vet").first).to_be_attached()  # its toolbar speaks Dutch
    expect(page.get_by_role("button", name="bold")).to_have_count(0)
    assert_accessible()

    page.get_by_role("button", name="Nog een Voortgang toevoegen").click()
    nieuw = page.locator("#voortgang-2")
    nieuw.get_by_label("Peildatum").fill("01-01-2022")
    nieuw.get_by_role("combobox", name="Planning").select_option("oranje")
    editor = nieuw.locator(".field-planning_toelichting .ProseMirror")
    editor.click()
    page.keyboard.type("De vergunning laat op zich wachten. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Oplevering schuift een kwartaal.")
    page.get_by_role("button", name="Opslaan", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("A1 Woningbouwversneller’ is met succes gewijzigd.")
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name="A1", exact=True))
    expect(rij).to_contain_text("1 januari 2022")
    expect(rij).to_contain_text("Inhoud: Grijs")
    expect(rij).to_contain_text("Planning: Oranje")
    assert_accessible()

    voortgang = Inspanning.objects.get(code="A1").voortgang.get(peildatum=datetime.date(2022, 1, 1))
    assert voortgang.planning_toelichting == (
        "<p>De vergunning laat op zich wachten. <strong>Oplevering schuift een kwartaal.</strong></p>"
    )
    assert voortgang.ingevoerd_door == gebruikers["projectleider"]


def test_editor_loads_under_our_content_security_policy(browser, live_server, gebruikers, live_demo):
    context = browser.new_context(locale="nl-NL")  # without bypass_csp: the policy the users get
    page = context.new_page()
    meldingen = []
    page.on("console", lambda message: meldingen.append(message.text))
    fouten = []
    page.on("pageerror", lambda error: fouten.append(str(error)))

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("projectleider")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    a1 = Inspanning.objects.get(code="A1")
    page.goto(f"{live_server.url}/admin/thema/inspanning/{a1.pk}/change/")

    expect(page.locator(".ProseMirror")).to_have_count(1 + 2 * 4)  # omschrijving + 4 fields per voortgang
    editor = page.locator(".field-omschrijving .ProseMirror")
    expect(editor).to_contain_text("Een versneller zoekt")
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Extra.")
    expect(editor).to_contain_text("Extra.")
    assert [m for m in meldingen if "Content Security Policy" in m] == []
    assert fouten == []
    context.close()

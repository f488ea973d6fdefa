import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from molenlanden.common.formatting import datum
from tests.helpers import TEST_PASSWORD, nieuwe_editie
from thema.models import Inspanning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _editor(page, veld: str):
    """The WYSIWYG editor that replaces the textarea of a toelichting."""
    return page.locator(f"#div_id_{veld} .ProseMirror")


def test_trekker_delivers_voortgang_and_sees_it_on_the_timeline(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    Inspanning.objects.get(code="A1").trekkers.add(gebruikers["trekker"])
    concept = nieuwe_editie(titel="Voortgangsrapportage", slug="vgr", soort="update", peildatum=timezone.localdate())
    login("trekker")

    page.get_by_role("link", name="Mijn inspanningen").click()
    expect(page.get_by_role("heading", name="Mijn inspanningen")).to_be_visible()
    expect(page.get_by_role("rowheader", name="A1 Woningbouwversneller")).to_be_visible()
    expect(page.get_by_role("rowheader", name=re.compile("^A2 "))).to_have_count(0)
    assert_accessible()

    page.get_by_role("link", name="Voortgang toevoegen voor A1").click()
    expect(page.get_by_role("heading", name="Voortgang toevoegen")).to_be_visible()
    planning = page.get_by_role("group", name=re.compile("^Planning"))
    expect(planning.get_by_label("Oranje")).to_be_checked()  # pre-filled from the previous voortgang
    toelichting = _editor(page, "planning_toelichting")
    expect(toelichting).to_contain_text("vertraging")
    expect(page.get_by_role("button", name="Genummerde lijst").first).to_be_attached()  # a Dutch toolbar
    assert_accessible()

    # Rood without a toelichting is refused, with the reason next to the field.
    planning.get_by_label("Rood").check()
    toelichting.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.get_by_role("button", name="Voortgang opslaan").click()
    expect(page.get_by_text("De voortgang is niet opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Planning staat op rood: licht toe wat de oorzaak is")).to_be_visible()
    expect(page.get_by_role("group", name=re.compile("^Planning")).get_by_label("Rood")).to_be_checked()
    assert_accessible()

    _editor(page, "planning_toelichting").click()
    page.keyboard.type("De aannemer is failliet; de oplevering schuift een jaar op.")
    page.get_by_role("button", name="Voortgang opslaan").click()

    vandaag = datum(timezone.localdate())
    expect(page.get_by_text(f"De voortgang per {vandaag} is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="A1 Woningbouwversneller")).to_be_visible()
    nieuw = page.get_by_role("article", name=f"Peildatum {vandaag}")
    expect(nieuw.get_by_text("Ingevoerd door trekker")).to_be_visible()
    expect(nieuw.get_by_text("Planning: Rood")).to_be_visible()
    expect(nieuw.get_by_text("De aannemer is failliet; de oplevering schuift een jaar op.")).to_be_visible()
    expect(page.get_by_text(f"Voortgang per {vandaag} ingevoerd")).to_be_visible()
    assert_accessible()
    # The concept edition at today's peildatum now carries what the trekker delivered.
    page.goto(f"{live_server.url}/rapportages/{concept.slug}/")
    a1 = page.locator("#inspanning-a1")
    expect(a1.get_by_text("De aannemer is failliet; de oplevering schuift een jaar op.")).to_be_visible()
    expect(a1.locator("[data-dimensie=planning]").get_by_text("Rood", exact=True)).to_be_visible()
    assert_accessible()


def test_editor_runs_under_the_real_csp(browser, live_server, live_demo, django_user_model):
    # The shared browser context bypasses the CSP (to inject axe); this one enforces it, as a user's browser does.
    # A superuser counts as projectleider and needs no groups (a transactional test before this one flushed them).
    django_user_model.objects.create_superuser("beheerder", "beheerder@example.org", TEST_PASSWORD)
    context = browser.new_context(bypass_csp=False, locale="nl-NL")
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(f"{live_server.url}/inspanningen/A1/voortgang/nieuw/")
    expect(page.get_by_role("textbox", name="Toelichting planning")).to_have_attribute("contenteditable", "true")
    expect(page.locator(".ProseMirror")).to_have_count(4)
    assert violations == []
    context.close()


def test_a_counter_shows_what_is_left_and_warns_over_the_maximum(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    Inspanning.objects.get(code="A1").trekkers.add(gebruikers["trekker"])
    login("trekker")
    page.goto(f"{live_server.url}/inspanningen/A1/voortgang/nieuw/")
    teller = page.locator("#id_bijsturing_teller")
    expect(teller).to_have_text("Nog 2.500 tekens")
    editor = _editor(page, "bijsturing")
    expect(editor).to_have_attribute("aria-describedby", re.compile("id_bijsturing_teller"))
    editor.click()
    page.keyboard.insert_text("x" * 2520)
    expect(teller).to_contain_text("20 tekens te veel (maximaal 2.500)")
    expect(teller.locator("[aria-live=polite]")).to_have_text("U bent over het maximum van 2.500 tekens.")
    assert_accessible()
    page.get_by_role("button", name="Voortgang opslaan").click()
    expect(page.get_by_text("Deze tekst is 2.520 tekens lang; het maximum is 2.500.")).to_be_visible()

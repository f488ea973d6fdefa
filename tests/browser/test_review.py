"""The review journey in a browser: send for review, comment on "A1 — planning", verdict, answer, resolve, adopt."""

import datetime

import pytest
from playwright.sync_api import expect

from rapportage.models import Rapportage, ReviewGebeurtenis
from tests.helpers import TEST_PASSWORD, nieuwe_editie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def _update_ter_review():
    nieuwe_editie(
        titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1),
        status=Rapportage.Status.TER_REVIEW, review_ronde=1,
    )  # fmt: skip


def _gemeld(page, blok, tekst, rol="status"):
    """The outcome is announced in a live region inside the swapped block, and focus moved there (WCAG 4.1.3, 2.4.3)."""
    melding = page.get_by_role(rol)
    expect(melding).to_contain_text(tekst)
    expect(blok.get_by_role(rol)).to_have_count(1)
    expect(melding).to_be_focused()


def test_review_journey(page, live_server, gebruikers, live_demo, login, assert_accessible):
    nieuwe_editie(titel="Wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1))
    editie = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    detail = f"{live_server.url}/rapportages/update-2021/"

    # The projectleider sends the concept for review with a note.
    login("projectleider")
    page.goto(f"{detail}review/")
    assert_accessible()
    page.get_by_label("Notitie voor de redactiegroep").fill("Let vooral op thema A.")
    page.get_by_role("button", name="Ter review sturen").click()
    expect(page.get_by_text("De editie ligt ter review (ronde 1).")).to_be_visible()
    assert_accessible()
    _uitloggen(page)

    # The redacteur comments on A1 — planning on the real report page, and gives a verdict.
    login("redacteur")
    page.goto(detail)
    assert_accessible()
    a1 = page.locator("#inspanning-a1")
    a1.get_by_text("Opmerking plaatsen over A1 Woningbouwversneller").click()
    a1.get_by_label("Waarover gaat uw opmerking?").select_option(label="A1 — Planning")
    a1.get_by_label("Uw opmerking", exact=True).fill("De oplevering in 2022 lijkt niet haalbaar.")
    a1.get_by_role("button", name="Opmerking plaatsen").click()
    planning = page.locator("#inspanning-a1-planning")
    expect(planning.get_by_text("De oplevering in 2022 lijkt niet haalbaar.")).to_be_visible()
    expect(planning.get_by_text("Open", exact=True)).to_be_visible()
    _gemeld(page, planning, "Uw opmerking is geplaatst.")
    assert_accessible()
    page.get_by_label("Wijzigingen nodig").check()
    page.get_by_label("Toelichting", exact=True).fill("A1 planning bijwerken.")
    page.get_by_role("button", name="Oordeel geven").click()
    _gemeld(page, page.locator("#review-oordeel"), "Uw oordeel is vastgelegd: wijzigingen nodig.")
    assert_accessible()
    _uitloggen(page)

    # The projectleider answers, resolves and adopts.
    login("projectleider")
    page.goto(detail)
    planning = page.locator("#inspanning-a1-planning")
    planning.get_by_text("Reageren", exact=True).click()
    planning.get_by_label("Uw reactie").fill("Aangepast: oplevering 2023.")
    planning.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.locator("#inspanning-a1-planning").get_by_text("Aangepast: oplevering 2023.")).to_be_visible()
    _gemeld(page, page.locator("#inspanning-a1-planning"), "Uw reactie is geplaatst.")
    assert_accessible()
    page.locator("#inspanning-a1-planning").get_by_role("button", name="Oplossen").click()
    expect(page.locator("#inspanning-a1-planning").get_by_text("Opgeloste opmerking van")).to_be_visible()
    _gemeld(page, page.locator("#inspanning-a1-planning"), "De opmerking over A1 — planning is opgelost.")
    assert_accessible()

    page.goto(f"{detail}review/")
    expect(page.get_by_text("Er staan geen open opmerkingen.")).to_be_visible()
    expect(page.get_by_role("cell", name="Wijzigingen nodig")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Naar vaststellen").click()
    page.get_by_label("Besluitnummer").fill("B&W-2021-42")
    page.get_by_role("button", name="Vaststellen").click()
    expect(page.get_by_text("is vastgesteld")).to_be_visible()
    assert_accessible()

    editie.refresh_from_db()
    assert editie.is_vastgesteld and editie.besluitnummer == "B&W-2021-42"
    assert ReviewGebeurtenis.objects.filter(rapportage=editie, soort="vastgesteld").exists()


def test_an_error_is_an_alert_in_the_block_and_takes_focus(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    _update_ter_review()
    login("redacteur")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    blok = page.locator("#review-editie")
    blok.get_by_text("Opmerking plaatsen over de editie als geheel").click()
    blok.get_by_label("Uw opmerking", exact=True).fill("   ")  # passes `required`, not the server
    blok.get_by_role("button", name="Opmerking plaatsen").click()
    _gemeld(page, page.locator("#review-editie"), "Schrijf een opmerking.", rol="alert")
    assert_accessible()
    # Giving a verdict without explanation: an alert beside the verdict form, then the status once it is right.
    page.get_by_label("Wijzigingen nodig").check()
    page.get_by_role("button", name="Oordeel geven").click()
    _gemeld(page, page.locator("#review-oordeel"), "Licht toe welke wijzigingen nodig zijn.", rol="alert")
    expect(page.get_by_role("status")).to_have_count(0)
    assert_accessible()


def test_voortgangsrapportage_and_kernen_without_actions_take_comments(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    from dorpen.models import Kern

    Kern.objects.create(naam="Zonderactie", slug="zonderactie", latitude="51.85", longitude="4.9")
    for slug, soort, peildatum in [
        ("update-2021", "update", datetime.date(2021, 6, 1)),
        ("vgr-najaar-2021", "voortgang", datetime.date(2021, 9, 1)),
    ]:
        nieuwe_editie(
            titel=slug, slug=slug, soort=soort, peildatum=peildatum, status=Rapportage.Status.TER_REVIEW, review_ronde=1
        )
    login("redacteur")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    kern = page.locator("#kern-zonderactie")
    kern.get_by_text("Opmerking plaatsen over de dorpsacties in Zonderactie").click()
    kern.get_by_label("Uw opmerking", exact=True).fill("Hier loopt toch een buurtproject?")
    kern.get_by_role("button", name="Opmerking plaatsen").click()
    expect(page.locator("#kern-zonderactie").get_by_text("Hier loopt toch een buurtproject?")).to_be_visible()
    _gemeld(page, page.locator("#kern-zonderactie-review"), "Uw opmerking is geplaatst.")
    assert_accessible()

    page.goto(f"{live_server.url}/rapportages/vgr-najaar-2021/")
    assert_accessible()
    a1 = page.locator("#inspanning-a1")
    a1.get_by_text("Opmerking plaatsen over A1").click()
    keuze = a1.get_by_label("Waarover gaat uw opmerking?")
    veld = a1.locator(".oordeel").first.get_attribute("data-dimensie")
    keuze.select_option(value=f"inspanning:A1:{veld}")
    a1.get_by_label("Uw opmerking", exact=True).fill("Is de bijsturing al besloten?")
    a1.get_by_role("button", name="Opmerking plaatsen").click()
    dimensie = page.locator(f"#inspanning-a1-{veld}")
    expect(dimensie.get_by_text("Is de bijsturing al besloten?")).to_be_visible()
    _gemeld(page, dimensie, "Uw opmerking is geplaatst.")
    assert_accessible()


def test_the_open_count_in_the_panel_follows_an_htmx_action_without_reload(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    _update_ter_review()
    login("projectleider")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    teller = page.locator("#review #review-open-aantal")
    expect(teller).to_have_text("0 open opmerkingen.")
    # Quiet text, not a live region: the outcome message in the block announces the action (and takes focus).
    assert teller.evaluate("el => el.closest('[aria-live], [role=status], [role=alert], [role=log]') === null")
    page.evaluate("window.geenHerlaad = true")

    a1 = page.locator("#inspanning-a1")
    a1.get_by_text("Opmerking plaatsen over A1 Woningbouwversneller").click()
    a1.get_by_label("Waarover gaat uw opmerking?").select_option(label="A1 — Planning")
    a1.get_by_label("Uw opmerking", exact=True).fill("Klopt het jaartal?")
    a1.get_by_role("button", name="Opmerking plaatsen").click()
    _gemeld(page, page.locator("#inspanning-a1-planning"), "Uw opmerking is geplaatst.")
    expect(teller).to_have_text("1 open opmerking.")
    expect(page.locator("#review-open-aantal")).to_have_count(1)
    assert page.evaluate("window.geenHerlaad === true")
    assert_accessible()

    page.locator("#inspanning-a1-planning").get_by_role("button", name="Oplossen").click()
    _gemeld(page, page.locator("#inspanning-a1-planning"), "De opmerking over A1 — planning is opgelost.")
    expect(teller).to_have_text("0 open opmerkingen.")
    expect(page.locator("#review-open-aantal")).to_have_count(1)
    assert page.evaluate("window.geenHerlaad === true")
    assert_accessible()


def test_a_comment_form_is_loaded_where_it_is_opened_and_takes_focus(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    _update_ter_review()
    login("redacteur")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    expect(page.locator("textarea[name=tekst]")).to_have_count(0)  # no form until one is opened
    page.evaluate("window.geenHerlaad = true")
    a2 = page.locator("#inspanning-a2")
    a2.get_by_role("link", name="Opmerking plaatsen over A2").click()
    expect(page.get_by_label("Waarover gaat uw opmerking?")).to_be_focused()
    expect(page.locator("textarea[name=tekst]")).to_have_count(1)
    expect(a2.get_by_role("link", name="Opmerking plaatsen over A2")).to_have_count(0)
    assert page.evaluate("window.geenHerlaad === true"), "loaded in place, not a new page"
    assert_accessible()
    a2.get_by_label("Uw opmerking", exact=True).fill("Wie is hier de trekker?")
    a2.get_by_role("button", name="Opmerking plaatsen").click()
    _gemeld(page, page.locator("#inspanning-a2-review"), "Uw opmerking is geplaatst.")
    expect(page.locator("#inspanning-a2-review")).to_contain_text("Wie is hier de trekker?")
    assert page.evaluate("window.geenHerlaad === true")


def test_annuleren_closes_an_opened_form_and_returns_focus_to_its_link(
    page, live_server, gebruikers, live_demo, login, assert_accessible
):
    _update_ter_review()
    login("redacteur")
    page.goto(f"{live_server.url}/rapportages/update-2021/")
    page.evaluate("window.geenHerlaad = true")
    a2 = page.locator("#inspanning-a2")
    a2.get_by_role("link", name="Opmerking plaatsen over A2").click()
    a2.get_by_label("Uw opmerking", exact=True).fill("Toch niet.")
    a2.get_by_role("link", name="Annuleren").click()

    expect(page.locator("textarea[name=tekst]")).to_have_count(0)
    expect(a2.get_by_role("link", name="Opmerking plaatsen over A2")).to_be_focused()
    assert page.evaluate("window.geenHerlaad === true"), "closed in place, not a new page"
    expect(page.locator("#inspanning-a2-review")).not_to_contain_text("Toch niet.")
    assert_accessible()
    a2.get_by_role("link", name="Opmerking plaatsen over A2").click()  # and it opens again
    expect(page.get_by_label("Waarover gaat uw opmerking?")).to_be_focused()


def test_without_javascript_the_comment_form_is_a_page_that_leads_back(browser, live_server, gebruikers, live_demo):
    # (The form's own page goes through axe and the Nu checker in the walk over every page.)
    _update_ter_review()
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    zonder_js = context.new_page()
    zonder_js.goto(f"{live_server.url}/inloggen/")
    zonder_js.get_by_label("Gebruikersnaam").fill("redacteur")
    zonder_js.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    zonder_js.get_by_role("button", name="Inloggen").click()
    zonder_js.goto(f"{live_server.url}/rapportages/update-2021/")
    zonder_js.get_by_role("link", name="Opmerking plaatsen over de editie als geheel").click()
    expect(zonder_js.get_by_role("heading", level=1)).to_have_text("Opmerking plaatsen")
    zonder_js.get_by_label("Uw opmerking", exact=True).fill("Graag een samenvatting vooraf.")
    zonder_js.get_by_role("button", name="Opmerking plaatsen").click()
    assert zonder_js.url.endswith("/rapportages/update-2021/#review-editie")
    blok = zonder_js.locator("#review-editie")
    expect(blok).to_contain_text("Graag een samenvatting vooraf.")
    expect(blok.get_by_role("status")).to_contain_text("Uw opmerking is geplaatst.")
    zonder_js.get_by_role("link", name="Opmerking plaatsen over de editie als geheel").click()
    zonder_js.get_by_role("link", name="Annuleren").click()  # back to the place, nothing posted
    assert zonder_js.url.endswith("/rapportages/update-2021/#review-editie")
    expect(blok.locator("[role=status]")).to_have_count(0)
    context.close()

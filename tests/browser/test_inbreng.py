"""The network's round in a real browser: an invitee on a phone reacts and proposes; the projectleider moderates
and makes the proposal an inspanning; the Update then shows it in "Wat we van ons netwerk hoorden"."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from dorpen.models import Kern
from inbreng import links
from inbreng.models import Uitnodiging
from rapportage.services import vaststellen
from tests.helpers import nieuwe_editie
from tests.inbreng.maak import maak_ronde

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEEN_ZIJWAARTS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def genodigde(live_demo):
    wrap_up = nieuwe_editie(
        titel="Digitale wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1)
    )
    vaststellen(
        wrap_up,
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="het college",
        openbaar=True,
        override_reden="test",
    )
    update = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    ronde = maak_ronde(update, slug="praat-mee", voor_iedereen=False)
    return Uitnodiging.objects.create(
        ronde=ronde, naam="Dorpsoverleg Streefkerk", email="do@example.org", kern=Kern.objects.get(naam="Streefkerk")
    )


def test_an_invitee_takes_part_and_the_kernteam_makes_an_inspanning_of_it(
    page, live_server, gebruikers, genodigde, login, assert_accessible
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + links.pad(genodigde))
    expect(page.get_by_role("heading", name="Praat mee over de Update 2021")).to_be_visible()
    expect(page.get_by_text("Onze vraag aan u: Waar moeten starters wonen?")).to_be_visible()
    assert page.evaluate(GEEN_ZIJWAARTS)
    assert_accessible()

    # A reaction to thema A.
    page.get_by_role("link", name="Reageer op thema A").click()
    expect(page.get_by_role("heading", name="Reactie op een thema")).to_be_visible()
    expect(page.get_by_label("Thema")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Wat kan beter?").fill("Jongeren uit Streefkerk vinden geen starterswoning.")
    assert page.evaluate(GEEN_ZIJWAARTS)
    assert_accessible()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank u wel! Uw bijdrage is ontvangen.")).to_be_visible()
    expect(page.get_by_text("Jongeren uit Streefkerk vinden geen starterswoning.")).to_be_visible()
    assert_accessible()

    # A proposal; first without a place, which is refused with the reason beside the field.
    page.get_by_role("link", name="Stel een nieuwe inspanning voor").first.click()
    page.get_by_label("Titel van uw voorstel").fill("Jongerenraad Molenlanden")
    page.get_by_label("Wat moet het opleveren?").fill("Jongeren praten mee over wat de gemeente doet.")
    page.get_by_label("Onder welk thema past het?").select_option(label="C. Samenleven in Molenlanden")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Uw bijdrage is nog niet verstuurd.")).to_be_visible()
    assert_accessible()
    page.get_by_role("group", name="Voor welke kern(en)?").get_by_label("Streefkerk").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank u wel! Uw bijdrage is ontvangen.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Voorstel voor een nieuwe inspanning: Jongerenraad Molenlanden")
    ).to_be_visible()

    # The projectleider accepts the proposal and makes it an inspanning.
    page.set_viewport_size({"width": 1280, "height": 900})
    login("projectleider")
    page.goto(live_server.url + "/admin/inbreng/bijdrage/?soort__exact=voorstel")
    expect(page.get_by_role("link", name=re.compile("^Besluiten"))).to_have_count(1)
    assert_accessible()
    page.get_by_role("link", name=re.compile("^Besluiten")).click()
    page.get_by_label("Accepteren").check()
    assert_accessible()
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Besluit vastgelegd: geaccepteerd.")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Besluiten")).first.click()
    page.get_by_role("button", name="Maak inspanning").click()
    expect(page.get_by_text("Inspanning C5 “Jongerenraad Molenlanden” is gemaakt uit dit voorstel.")).to_be_visible()

    # The invitee sees the decision; the Update shows the new inspanning and where it came from.
    page.goto(live_server.url + links.pad(genodigde))
    expect(page.get_by_text("Uw voorstel is een inspanning geworden: C5 Jongerenraad Molenlanden.")).to_be_visible()
    page.goto(live_server.url + "/rapportages/update-2021/")
    sectie = page.locator("#netwerk")
    expect(sectie.get_by_role("heading", name="Wat we van ons netwerk hoorden")).to_be_visible()
    expect(sectie.get_by_text("C5 Jongerenraad Molenlanden")).to_be_visible()
    expect(sectie.get_by_text("Jongeren uit Streefkerk vinden geen starterswoning.")).to_have_count(0)
    assert_accessible()

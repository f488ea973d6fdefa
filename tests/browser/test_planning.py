import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from molenlanden.common.formatting import datum
from rapportage.models import Besteding, Budgetjaar, Fase
from rapportage.services import planning_opslaan
from tests.helpers import nieuwe_editie
from thema.models import Inspanning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VANDAAG = timezone.localdate()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def te_laat(live_demo):
    """A voortgangsrapportage whose redactie ended yesterday, with the college in four days, and a budget."""
    vorige = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    editie = nieuwe_editie(
        titel="Voortgangsrapportage nu",
        slug="vgr-nu",
        soort="voortgang",
        peildatum=VANDAAG - 20 * DAG,
        vorige_editie=vorige,
    )
    planning_opslaan(
        editie,
        [
            Fase(soort="uitvragen", begindatum=VANDAAG - 20 * DAG, einddatum=VANDAAG - 10 * DAG),
            Fase(soort="redactie", begindatum=VANDAAG - 9 * DAG, einddatum=VANDAAG - DAG),
            Fase(soort="college", begindatum=VANDAAG + 4 * DAG),
        ],
    )
    jaar = Budgetjaar.objects.create(jaar=2021, bedrag=9707)
    Besteding.objects.create(budgetjaar=jaar, datum=datetime.date(2021, 2, 16), omschrijving="Begeleiding", bedrag=3600)
    return editie


def test_projectleider_sees_a_late_phase_and_marks_it_done(
    page, live_server, gebruikers, te_laat, login, assert_accessible
):
    login("projectleider")

    blok = page.locator("article", has=page.get_by_role("heading", name="Voortgangsrapportage nu"))
    expect(page.get_by_role("heading", name="Planning van de edities")).to_be_visible()
    expect(blok.get_by_role("heading", name="Loopt achter")).to_be_visible()
    expect(blok).to_contain_text(f"Redactie liep tot en met {datum(VANDAAG - DAG)} en is niet afgerond.")
    expect(blok).to_contain_text(f"{datum(VANDAAG + 4 * DAG)}: Aanbieden aan het college")
    expect(blok.get_by_role("row", name="Redactie (huidige fase)")).to_contain_text("Over tijd")
    expect(page.get_by_role("row", name="2021")).to_contain_text("€ 6.107,-")
    assert_accessible()

    blok.get_by_role("link", name="Planning wijzigen van Voortgangsrapportage nu").click()
    expect(page.get_by_role("heading", name="Planning")).to_be_visible()
    assert_accessible()
    redactie = page.locator("tr.form-row", has=page.locator("option[value=redactie][selected]"))
    redactie.locator("input[name$='-afgerond_op']").fill(VANDAAG.strftime("%d-%m-%Y"))
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("is met succes gewijzigd")

    page.goto(live_server.url)
    expect(blok.get_by_role("row", name="Redactie")).to_contain_text("Afgerond")
    expect(blok).not_to_contain_text("Redactie liep tot en met")
    expect(blok).to_contain_text("ontbreekt de voortgang")  # voortgang of the inspanningen is still missing
    assert_accessible()


def test_trekker_sees_by_when_voortgang_is_due(page, live_server, gebruikers, te_laat, login, assert_accessible):
    Inspanning.objects.get(code="A1").trekkers.add(gebruikers["trekker"])
    te_laat.fasen.filter(soort="uitvragen").update(einddatum=VANDAAG + 3 * DAG)
    login("trekker")
    page.get_by_role("link", name="Mijn inspanningen").click()
    gevraagd = page.get_by_role("region", name="Gevraagd: uw voortgang")
    expect(gevraagd).to_contain_text(f"graag uiterlijk {datum(VANDAAG + 3 * DAG)} invullen")
    expect(page.get_by_role("row", name="A1 Woningbouwversneller")).to_contain_text(datum(VANDAAG + 3 * DAG))
    assert_accessible()

    page.get_by_role("link", name="Voortgang per").first.click()
    expect(page.get_by_label("Peildatum")).to_have_value(te_laat.peildatum.isoformat())
    assert_accessible()

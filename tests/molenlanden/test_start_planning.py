"""The projectleider's start page: per edition under way the current phase, what is late and the next date, and the
monitor's own budget; only the projectleider sees it, and it reads with a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from molenlanden.common.formatting import datum
from molenlanden.demo.scale import multiply_demodata
from rapportage.models import Besteding, Budgetjaar, Fase, Opmerking
from rapportage.services import planning_opslaan, vaststellen
from tests.helpers import leesbare_tekst, nieuwe_editie
from thema.models import Inspanning, Voortgang

VANDAAG = timezone.localdate()
DAG = datetime.timedelta(days=1)
# The six of every role's start page, and the projectleider's block: the editions (with their open comments), their
# phases, the inspanningen with their latest voortgang date, and the budget with its sums.
START_QUERIES = 16  # the projectleider's whole start page: the programme, their work, the planning and the budget


@pytest.fixture
def achter(update, gebruikers):
    """An edition in review whose redactie ended yesterday; the college meets in three days; two comments open."""
    editie = nieuwe_editie(
        titel="Voortgangsrapportage nu",
        slug="vgr-nu",
        soort="voortgang",
        peildatum=VANDAAG - 20 * DAG,
        status="ter_review",
        review_ronde=1,
    )
    planning_opslaan(
        editie,
        [
            Fase(soort="uitvragen", begindatum=VANDAAG - 20 * DAG, einddatum=VANDAAG - 10 * DAG),
            Fase(soort="redactie", begindatum=VANDAAG - 9 * DAG, einddatum=VANDAAG - DAG),
            Fase(soort="college", begindatum=VANDAAG + 3 * DAG),
            Fase(soort="vaststelling", begindatum=VANDAAG + 10 * DAG),
        ],
    )
    for tekst in ("Graag een samenvatting.", "Klopt het bedrag bij D1?"):
        Opmerking.objects.create(
            rapportage=editie, ronde=1, soort="editie", tekst=tekst, auteur=gebruikers["redacteur"]
        )
    return editie


@pytest.fixture
def budget(db):
    jaar = Budgetjaar.objects.create(jaar=2021, bedrag=Decimal("9707"))
    Besteding.objects.create(budgetjaar=jaar, datum=datetime.date(2021, 2, 16), omschrijving="Begeleiding", bedrag=3600)
    Budgetjaar.objects.create(jaar=2022, bedrag=Decimal("9707"))


def _blok(response) -> str:
    html = response.content.decode()
    begin, eind = html.index('id="kop-planning"'), html.index('id="kop-themas"')
    return leesbare_tekst(html[begin:eind].split(">", 1)[1])


def test_projectleider_sees_the_current_phase_what_is_late_and_the_next_date(projectleider, achter, budget):
    tekst = _blok(projectleider.get("/"))
    assert f"Voortgangsrapportage nu Peildatum {datum(achter.peildatum)} · Ter review · 2 open opmerkingen" in tekst
    assert f"Fase volgens de planning Redactie ({datum(VANDAAG - 9 * DAG)} tot en met {datum(VANDAAG - DAG)})" in tekst
    assert f"Volgende datum {datum(VANDAAG + 3 * DAG)}: Aanbieden aan het college" in tekst
    assert "Loopt achter" in tekst
    assert f"Redactie liep tot en met {datum(VANDAAG - DAG)} en is niet afgerond." in tekst
    assert f"Van 24 inspanningen ontbreekt de voortgang; de uiterste datum was {datum(VANDAAG - 10 * DAG)}." in tekst
    assert f"Nog 2 open opmerkingen, en op {datum(VANDAAG + 3 * DAG)} gaat de editie naar het college." in tekst
    assert "Redactie (huidige fase)" in tekst and "Over tijd" in tekst


def test_what_is_done_is_no_longer_late(projectleider, achter):
    Voortgang.objects.bulk_create(
        [Voortgang(inspanning=i, peildatum=achter.peildatum) for i in Inspanning.objects.all()]
    )
    achter.fasen.filter(soort="redactie").update(afgerond_op=VANDAAG - DAG)
    Opmerking.objects.update(opgelost_op=timezone.now())
    tekst = _blok(projectleider.get("/"))
    assert "Loopt achter" not in tekst
    assert "Van elke lopende inspanning is er voortgang" in tekst
    assert tekst.count("Afgerond") == 2


def test_an_edition_without_planning_asks_for_one_and_an_adopted_one_drops_off(projectleider, update, wrap_up):
    tekst = _blok(projectleider.get("/"))
    assert "Update 2021" in tekst and "Deze editie heeft nog geen planning. Plan de fasen" in tekst
    for editie in (wrap_up, update):
        vaststellen(editie, vastgesteld_op=VANDAAG, vastgesteld_door="College", openbaar=True, override_reden="test")
    assert "Er is geen editie in voorbereiding." in _blok(projectleider.get("/"))


def test_the_budget_of_the_monitor_with_its_remainder(projectleider, budget):
    tekst = _blok(projectleider.get("/"))
    assert "2021 € 9.707,- € 3.600,- € 6.107,-" in tekst
    assert "2022 € 9.707,- € 0,- € 9.707,-" in tekst
    assert "Totaal € 19.414,- € 3.600,- € 15.814,-" in tekst


@pytest.mark.parametrize("wie", ["redacteur", "college", "trekker"])
def test_only_the_projectleider_sees_planning_and_budget(client, gebruikers, achter, budget, wie):
    client.force_login(gebruikers[wie])
    html = client.get("/").content.decode()
    assert "Planning van de edities" not in html and "Budget van de monitor" not in html
    assert "Het programma in één oogopslag" in html


def test_start_page_queries_do_not_grow(client, gebruikers, achter, budget, wrap_up, django_assert_num_queries):
    client.force_login(gebruikers["projectleider"])
    client.get("/")  # warm up: session, content types
    with django_assert_num_queries(START_QUERIES):
        assert client.get("/").status_code == 200

    multiply_demodata(10)
    for n in range(3):  # more editions, phases, comments and spendings than before
        extra = nieuwe_editie(
            titel=f"Extra {n}", slug=f"extra-{n}", soort="voortgang", peildatum=VANDAAG + (n + 1) * DAG
        )
        planning_opslaan(
            extra, [Fase(soort="uitvragen", begindatum=VANDAAG + (n + 1) * DAG, einddatum=VANDAAG + 30 * DAG)]
        )
        Besteding.objects.create(
            budgetjaar=Budgetjaar.objects.get(jaar=2021),
            datum=datetime.date(2021, 5, n + 1),
            omschrijving="x",
            bedrag=1,
        )
    with django_assert_num_queries(START_QUERIES):
        response = client.get("/")
    html = response.content.decode()
    planning = html[html.index('aria-labelledby="kop-planning"') :]
    planning = planning[: planning.index("</section>")]
    assert "Extra 2" in planning and "A1-10" not in planning

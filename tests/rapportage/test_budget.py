"""The monitor's own budget: per year the budget and the spendings, the sums and the remainder, in the admin."""

import datetime
from decimal import Decimal

import pytest

from rapportage.models import Besteding, Budgetjaar
from tests.helpers import admin_formulier, leesbare_tekst, rij_tekst, voeg_inline_toe

pytestmark = pytest.mark.django_db
URL = "/admin/rapportage/budgetjaar/"


@pytest.fixture
def budget():
    jaar_2020 = Budgetjaar.objects.create(jaar=2020, bedrag=Decimal("10000"), toelichting="Begroting 2020")
    jaar_2021 = Budgetjaar.objects.create(jaar=2021, bedrag=Decimal("9707"))
    Budgetjaar.objects.create(jaar=2022, bedrag=Decimal("9707"))
    for jaar, datum, bedrag in (
        (jaar_2020, "2020-09-15", "4250"),
        (jaar_2020, "2020-12-10", "1180.50"),
        (jaar_2021, "2021-02-16", "3600"),
        (jaar_2021, "2021-10-14", "7000"),
    ):
        Besteding.objects.create(
            budgetjaar=jaar, datum=datetime.date.fromisoformat(datum), omschrijving="x", bedrag=Decimal(bedrag)
        )
    return jaar_2020, jaar_2021


def test_budget_sums_per_year_and_in_total(budget):
    overzicht = Budgetjaar.objects.overzicht()
    assert [(j["jaar"], j["besteed"], j["restant"], j["overschreden"]) for j in overzicht["jaren"]] == [
        (2020, Decimal("5430.50"), Decimal("4569.50"), False),
        (2021, Decimal("10600.00"), Decimal("-893.00"), True),
        (2022, Decimal("0.00"), Decimal("9707.00"), False),
    ]
    assert overzicht["totaal"] == {
        "budget": Decimal("29414.00"),
        "besteed": Decimal("16030.50"),
        "restant": Decimal("13383.50"),
    }


def test_budget_up_to_a_date_counts_only_what_was_spent_by_then(budget):
    jaren = Budgetjaar.objects.overzicht(tot=datetime.date(2021, 9, 1))["jaren"]
    assert [j["besteed"] for j in jaren] == [Decimal("5430.50"), Decimal("3600.00"), Decimal("0.00")]


def test_the_admin_lists_budget_spent_and_remainder_in_euros(budget, projectleider):
    response = projectleider.get(URL)
    assert rij_tekst(response, "2020") == "2020 € 10.000,- € 5.430,50 € 4.569,50 Begroting 2020"
    assert rij_tekst(response, "2021") == "2021 € 9.707,- € 10.600,- -€ 893,- (overschreden) -"


def test_the_admin_adds_a_spending(budget, projectleider):
    url = f"{URL}{budget[1].pk}/change/"
    data = admin_formulier(projectleider.get(url))
    voeg_inline_toe(
        data,
        "bestedingen",
        {
            "datum": "2021-11-02",
            "omschrijving": "Drukwerk najaarsrapportage",
            "bedrag": "412.50",
        },  # a number field sends a point
    )
    response = projectleider.post(url, data)
    assert response.status_code == 302
    assert budget[1].bestedingen.get(omschrijving="Drukwerk najaarsrapportage").bedrag == Decimal("412.50")
    pagina = leesbare_tekst(projectleider.get(url).content.decode())
    assert "Besteed € 11.012,50 van € 9.707,-; restant -€ 1.305,50 (overschreden)." in pagina


@pytest.mark.parametrize(
    ("besteding", "melding"),
    [
        (
            {"datum": "2021-03-01", "omschrijving": "Correctie", "bedrag": "-250"},
            "Een besteding is een bedrag groter dan nul.",
        ),
        (
            {"datum": "2021-03-01", "omschrijving": "Niets", "bedrag": "0"},
            "Een besteding is een bedrag groter dan nul.",
        ),
        (
            {"datum": "2022-01-03", "omschrijving": "Te laat geboekt", "bedrag": "100"},
            "3 januari 2022 valt niet in 2021: een besteding hoort bij het jaar van haar datum.",
        ),
    ],
)
def test_a_wrong_spending_is_refused_with_a_dutch_message(budget, projectleider, besteding, melding):
    url = f"{URL}{budget[1].pk}/change/"
    data = admin_formulier(projectleider.get(url))
    voeg_inline_toe(data, "bestedingen", besteding)
    response = projectleider.post(url, data)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert budget[1].bestedingen.count() == 2


def test_a_negative_budget_is_refused(projectleider):
    data = admin_formulier(projectleider.get(f"{URL}add/")) | {"jaar": "2025", "bedrag": "-1"}
    response = projectleider.post(f"{URL}add/", data)
    assert response.status_code == 200
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()
    assert not Budgetjaar.objects.exists()


def test_a_year_has_one_budget(budget, projectleider):
    data = admin_formulier(projectleider.get(f"{URL}add/")) | {"jaar": "2020", "bedrag": "500"}
    response = projectleider.post(f"{URL}add/", data)
    assert "Voor dit jaar is al een budget vastgelegd." in response.content.decode()
    assert Budgetjaar.objects.get(jaar=2020).bedrag == Decimal("10000")


@pytest.mark.parametrize("wie", ["redacteur", "college", "trekker"])
def test_only_the_projectleider_keeps_the_budget(client, gebruikers, wie):
    client.force_login(gebruikers[wie])
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

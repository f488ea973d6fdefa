import datetime
import re

import pytest
from django.utils.html import strip_tags

from thema.models import Inspanning, Thema, Voortgang

URL = "/admin/thema/inspanning/"
ALLE = {f"{t}{n}" for t, n in zip("AAAABBBBCCCCDDDEEEEFFFGG", "123412341234123123412312", strict=True)}


def _codes(response) -> set[str]:
    assert response.status_code == 200
    return set(re.findall(r'<th class="field-code"><a href="[^"]+">([^<]+)</a>', response.content.decode()))


def _rij(response, code: str) -> str:
    """The text of one changelist row, as a screen reader reads it."""
    for rij in re.findall(r"<tr>(.*?)</tr>", response.content.decode(), re.S):
        if f">{code}</a>" in rij:
            return " ".join(strip_tags(rij).split())
    raise AssertionError(f"{code} staat niet in de lijst")


def test_changelist_lists_every_inspanning(demo, projectleider):
    assert _codes(projectleider.get(URL)) == ALLE


def test_changelist_shows_three_badges_with_words_for_latest_voortgang(demo, projectleider):
    response = projectleider.get(URL)
    rij = _rij(response, "B1")
    assert "1 juni 2021" in rij
    assert "Inhoud: Oranje Planning: Rood Financiën: Groen" in rij
    assert "€ 75.000,-" in rij
    html = response.content.decode()
    assert '<span class="stoplicht stoplicht-rood"><span class="visually-hidden">Planning: </span>Rood</span>' in html


def test_inspanning_without_voortgang_shows_no_judgement(demo, projectleider):
    Inspanning.objects.create(
        thema=Thema.objects.get(code="A"), code="A9", titel="Nieuw", opgenomen_op=datetime.date(2022, 1, 1)
    )
    rij = _rij(projectleider.get(URL), "A9")
    assert rij.count("geen oordeel") == 3
    assert "Groen" not in rij


def test_filter_by_thema(demo, projectleider):
    thema = Thema.objects.get(code="B")
    assert _codes(projectleider.get(URL, {"thema__id__exact": thema.pk})) == {"B1", "B2", "B3", "B4"}


def test_a_filtered_list_says_how_many_of_how_many(demo, projectleider):
    thema = Thema.objects.get(code="B")
    tekst = " ".join(strip_tags(projectleider.get(URL, {"thema__id__exact": thema.pk}).content.decode()).split())
    assert f"4 resultaten ({len(ALLE)} totaal)" in tekst


@pytest.mark.parametrize(
    ("dimensie", "kleur", "codes"),
    [
        ("planning", "rood", {"B1", "C4"}),
        ("financien", "rood", {"D1"}),
        ("inhoud", "oranje", {"A2", "B1", "B3", "C3", "C4", "D1", "E2", "F3"}),
        ("inhoud", "rood", set()),
    ],
)
def test_filter_by_colour_of_latest_voortgang(demo, projectleider, dimensie, kleur, codes):
    assert _codes(projectleider.get(URL, {f"laatste_{dimensie}": kleur})) == codes


def test_colour_filter_uses_latest_voortgang_not_an_older_one(demo, projectleider):
    # C1 was oranje on inhoud in 2020 and groen in 2021.
    assert "C1" not in _codes(projectleider.get(URL, {"laatste_inhoud": "oranje"}))
    assert "C1" in _codes(projectleider.get(URL, {"laatste_inhoud": "groen"}))


def test_filter_geen_voortgang_sinds(demo, projectleider):
    for code in ("A1", "A2"):
        Voortgang.objects.create(inspanning=Inspanning.objects.get(code=code), peildatum=datetime.date(2022, 1, 1))
    response = projectleider.get(URL)
    assert "<summary>Zonder voortgang sinds</summary>" in response.content.decode()  # a heading, not "Op …"
    assert "<summary>Inhoud (laatste voortgang)</summary>" in response.content.decode()
    assert "1 januari 2022" in response.content.decode()  # offered as a choice

    assert _codes(projectleider.get(URL, {"geen_voortgang_sinds": "2022-01-01"})) == ALLE - {"A1", "A2"}
    assert _codes(projectleider.get(URL, {"geen_voortgang_sinds": "2021-06-01"})) == set()

    # An inspanning that never had a voortgang is always among them.
    Inspanning.objects.create(
        thema=Thema.objects.get(code="A"), code="A9", titel="Nieuw", opgenomen_op=datetime.date(2022, 1, 1)
    )
    assert _codes(projectleider.get(URL, {"geen_voortgang_sinds": "2021-06-01"})) == {"A9"}


@pytest.mark.parametrize(
    ("zoek", "codes"),
    [
        ("C4", {"C4"}),  # code
        ("respijtzorg", {"C2"}),  # titel
        ("waterschap", {"E3"}),  # omschrijving only
        ("A15", {"E1"}),  # "langs de A15" in the omschrijving
    ],
)
def test_search_on_code_titel_and_omschrijving(demo, projectleider, zoek, codes):
    assert _codes(projectleider.get(URL, {"q": zoek})) == codes

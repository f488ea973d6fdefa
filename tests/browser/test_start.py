"""The ten-second test: what each role sees first on the start page, and what an anonymous visitor sees."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from rapportage import review
from rapportage.services import vaststellen
from tests.helpers import nieuwe_editie
from thema.models import Inspanning, Thema

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programma(live_demo, gebruikers):
    """The demo programme with the wrap-up adopted and public, and the Update in review; the trekker has C1
    (delivered) and C9 (new, no voortgang yet)."""
    wrap_up = nieuwe_editie(
        titel="Digitale wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1)
    )
    vaststellen(
        wrap_up,
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="het college van burgemeester en wethouders",
        besluitnummer="2021-0042",
        openbaar=True,
        override_reden="Vastgesteld vóór de review in de applicatie",
    )
    update = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    review.ter_review_sturen(update, door=gebruikers["projectleider"])
    Inspanning.objects.get(code="C1").trekkers.add(gebruikers["trekker"])
    nieuw = Inspanning.objects.create(
        thema=Thema.objects.get(code="C"), code="C9", titel="Buurtkamers", opgenomen_op=datetime.date(2021, 3, 1)
    )
    nieuw.trekkers.add(gebruikers["trekker"])  # no voortgang yet: work for the trekker


def _blok(page, kop):
    return page.get_by_role("region", name=kop)


def test_anonymous_sees_what_the_site_is_the_public_editions_and_the_login(
    page, live_server, programma, assert_accessible
):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Hoe staat het met het Samenlevingsprogramma?", level=1)).to_be_visible()
    openbaar = _blok(page, "Openbare rapportages")
    expect(openbaar.get_by_role("link", name="Digitale wrap-up 2020", exact=True)).to_be_visible()
    expect(
        openbaar.get_by_text(
            "Vastgesteld op 19 januari 2021 door het college van burgemeester en wethouders (besluit 2021-0042)"
        )
    ).to_be_visible()
    expect(openbaar.get_by_text(re.compile(r"\(PDF, \d+ kB\)"))).to_be_visible()
    expect(openbaar.get_by_text("Update 2021")).to_have_count(0)  # a concept is not public
    expect(page.get_by_role("link", name="Inloggen voor medewerkers")).to_be_visible()
    assert_accessible()


@pytest.mark.parametrize("rol", ["college", "redacteur", "trekker", "projectleider"])
def test_each_role_sees_the_state_what_needs_attention_and_its_own_work(
    page, live_server, programma, login, assert_accessible, rol
):
    login(rol)
    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Het programma in één oogopslag", level=1)).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"Stand per 1 juni 2021: \d+ van de \d+ lopende inspanningen vragen aandacht"))
    ).to_be_visible()
    aandacht = _blok(page, "Aandacht nodig")
    expect(aandacht.get_by_text(re.compile(r"^\d+ rood$"))).to_be_visible()
    expect(aandacht.get_by_role("link", name=re.compile(r"^B1 "))).to_be_visible()  # B1 has planning rood
    per_thema = _blok(page, "Per thema")
    expect(per_thema.get_by_role("rowheader", name=re.compile("^A. Wonen en leven in Molenlanden"))).to_be_visible()
    expect(per_thema.get_by_text("0 rood")).to_have_count(0)  # zeros stay quiet
    veranderd = _blok(page, "Wat is er veranderd sinds Digitale wrap-up 2020")
    expect(veranderd.get_by_role("listitem").first).to_be_visible()
    nieuwste = _blok(page, "Nieuwste editie")
    expect(nieuwste.get_by_role("link", name=re.compile("^PDF downloaden"))).to_be_visible()

    werk = _blok(page, "Uw werk")
    if rol == "college":
        expect(werk).to_have_count(0)
    elif rol == "trekker":
        expect(werk.get_by_text(re.compile(r"^Voortgang invullen \(nog niets sinds 1 november 2020\)"))).to_be_visible()
        expect(werk.get_by_role("link", name="C9 Buurtkamers")).to_be_visible()
        expect(werk.get_by_role("link", name=re.compile("^C1 "))).to_have_count(0)  # C1 was delivered
    elif rol == "redacteur":
        expect(werk.get_by_text("uw oordeel ontbreekt nog")).to_be_visible()
        expect(werk.get_by_role("link", name="Update 2021")).to_be_visible()
    else:
        expect(werk.get_by_role("link", name="Update 2021")).to_be_visible()
        expect(werk.get_by_role("link", name="ontbrekende voortgang")).to_be_visible()
    assert_accessible()

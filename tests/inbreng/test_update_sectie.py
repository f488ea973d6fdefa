"""The Update's section "Wat we van ons netwerk hoorden" (page and PDF), and what the network's pages show.

Nothing that the kernteam did not accept is ever shown: not on public pages, not in the edition, not in the PDF.
"""

import re

import pytest

from inbreng import links, services
from rapportage.builder import build_structuur
from rapportage.services import vaststellen
from tests.inbreng.maak import maak_bijdrage

GEHEIM = "Dit is nog niet geaccepteerd en blijft binnen."


@pytest.fixture
def gemodereerd(uitnodiging):
    citaat = services.accepteren(maak_bijdrage(uitnodiging, goed="De buurtbus is een uitkomst voor ouderen."))
    citaat.citaat = True
    citaat.save()
    maak_bijdrage(uitnodiging, goed=GEHEIM, kernen=("Nieuwpoort",))
    voorstel = services.accepteren(
        maak_bijdrage(uitnodiging, soort="voorstel", thema="C", titel="Jongerenplek", doel="Elkaar zien.")
    )
    inspanning = services.maak_inspanning(voorstel, opgenomen_op=uitnodiging.ronde.editie.peildatum)
    return {"citaat": citaat, "voorstel": voorstel, "inspanning": inspanning}


def test_the_update_page_shows_what_the_network_said(client, gebruikers, gemodereerd, update):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{update.slug}/").content.decode()
    assert "<h2>Wat we van ons netwerk hoorden</h2>" in html
    assert "deden 1 deelnemer mee" in html and "met 3 bijdragen" in html
    assert "De buurtbus is een uitkomst voor ouderen." in html
    code = gemodereerd["inspanning"].code
    assert f"<strong>{code} Jongerenplek</strong>" in html and "voorgesteld op" in html
    assert '<th scope="row">Nieuwpoort</th>' in html  # counted per kern, the text itself not shown
    assert GEHEIM not in html


def test_the_map_shows_the_contributions_per_kern(client, gebruikers, gemodereerd, update):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{update.slug}/").content.decode()
    kaart = html[html.index('aria-label="Kaart: bijdragen uit het netwerk per kern"') :]
    kaart = kaart[: kaart.index("</figure>")]
    assert "<title" in kaart and "Bijdragen uit het netwerk per kern" in kaart
    # Three contributions, each about one kern (the default Streefkerk twice, Nieuwpoort once), told in words.
    assert "het aantal bijdragen per kern (in totaal 3)" in kaart
    assert "Streefkerk: 2" in kaart and "Nieuwpoort: 1" in kaart
    assert re.search(r"<title>Nieuwpoort[^<:]*: 1 bijdrage</title>", kaart)  # the dot's own name, singular
    assert "geen bijdragen" in kaart


def test_unaccepted_contributions_are_never_in_the_structure_nor_the_pdf(gemodereerd, update):
    structuur = build_structuur(update)
    assert GEHEIM not in str(structuur)
    assert structuur["netwerk"]["aantal_bijdragen"] == 3


@pytest.mark.pdf
def test_the_pdf_has_the_section_and_nothing_unaccepted(gemodereerd, update):
    import io

    import pypdf

    from rapportage.pdf import render_pdf

    tekst = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render_pdf(build_structuur(update)))).pages)
    assert "Wat we van ons netwerk hoorden" in tekst
    assert "De buurtbus is een uitkomst voor ouderen." in " ".join(tekst.split())
    assert "nog niet geaccepteerd" not in tekst


def test_an_adopted_edition_freezes_the_section(gemodereerd, update, uitnodiging):
    vaststellen(update, vastgesteld_op=update.peildatum, vastgesteld_door="het college", override_reden="test")
    update.refresh_from_db()
    maak_bijdrage(uitnodiging, goed="Later ingestuurd.")
    assert update.snapshot["netwerk"]["aantal_bijdragen"] == 3


def test_the_participant_page_shows_only_the_public_snapshot(client, ronde, update):
    from thema.models import Inspanning

    Inspanning.objects.filter(code="A1").update(titel="Concepttitel die niet openbaar is")
    html = client.get(f"/inbreng/{ronde.slug}/").content.decode()
    assert "Hoe staat het ervoor?" in html and "Digitale wrap-up 2020" in html
    assert "Concepttitel die niet openbaar is" not in html
    assert "Onze vraag aan u:</strong> Waar moeten starters wonen?" in html


def test_public_pages_never_show_unaccepted_contributions(client, uitnodiging, ronde):
    maak_bijdrage(uitnodiging, goed=GEHEIM)
    for pad in ("/inbreng/", f"/inbreng/{ronde.slug}/", "/", "/rapportages/"):
        assert GEHEIM not in client.get(pad).content.decode()
    assert GEHEIM in client.get(links.pad(uitnodiging)).content.decode()  # only for its author

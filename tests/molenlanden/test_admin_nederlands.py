"""The admin speaks Dutch: texts that the installed packages leave in English.

django-simple-history ships no Dutch, Django 5.2's own nl catalogue lacks a few admin strings, and
django-prose-editor's dialogs ask window.gettext: molenlanden/locale/nl/LC_MESSAGES provides them
(settings.LOCALE_PATHS). Every phrase below is English without that folder, so each test fails if the
folder, the setting or the compiled .mo goes missing, or if an upgrade changes a msgid.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers import nieuwe_editie
from thema.models import Inspanning


def zichtbare_tekst(response) -> str:
    """What a person (or a screen reader) gets: the text and the attributes that are read aloud."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S | re.I)
    attributen = re.findall(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"', body)
    knoppen = re.findall(r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"', body)
    tekst = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(" ".join([tekst, *attributen, *knoppen])))


def controleer(tekst: str, engels: list[str], nederlands: list[str]) -> None:
    """Reports every phrase that is wrong at once, so a failure says exactly what went missing."""
    nog_engels = [zin for zin in engels if re.search(rf"(?<!\w){re.escape(zin)}(?!\w)", tekst)]
    ontbreekt = [zin for zin in nederlands if zin not in tekst]
    assert not nog_engels and not ontbreekt, f"nog Engels: {nog_engels}; Nederlands ontbreekt: {ontbreekt}"


# The app list in the admin index and in the sidebar of every admin page (visually hidden table headers).
APP_LIST_ENGELS = ["Model name", "Add link", "Change or view list link"]
APP_LIST_NEDERLANDS = ["Modelnaam", "Link om toe te voegen", "Link om te wijzigen of de lijst te bekijken"]


@pytest.fixture
def inspanning(gebruikers, demo):
    """An inspanning with a history: created by the demo data, then changed by the projectleider."""
    inspanning = Inspanning.objects.order_by("code").first()
    inspanning.titel += " (bijgewerkt)"
    inspanning._history_user = gebruikers["projectleider"]
    inspanning._change_reason = "Titel aangescherpt"
    inspanning.save()
    return inspanning


def test_admin_index(demo, projectleider):
    response = projectleider.get("/admin/")
    assert response.status_code == 200
    controleer(zichtbare_tekst(response), APP_LIST_ENGELS, APP_LIST_NEDERLANDS)


def test_inspanning_changelist(demo, projectleider):
    response = projectleider.get("/admin/thema/inspanning/")
    assert response.status_code == 200
    controleer(zichtbare_tekst(response), APP_LIST_ENGELS, APP_LIST_NEDERLANDS)


def test_inspanning_change_form(inspanning, projectleider):
    response = projectleider.get(f"/admin/thema/inspanning/{inspanning.pk}/change/")
    assert response.status_code == 200
    controleer(zichtbare_tekst(response), APP_LIST_ENGELS, APP_LIST_NEDERLANDS)


def test_inspanning_history(inspanning, projectleider):
    response = projectleider.get(f"/admin/thema/inspanning/{inspanning.pk}/history/")
    assert response.status_code == 200
    controleer(
        zichtbare_tekst(response),
        engels=[
            "Choose a date from the list below to revert to a previous version of this object.",
            "Comment",
            "Changed by",
            "Change reason",
            "Changes",
            "Created",
            "Changed",
            "None",  # the demo data's first version has no change reason
            *APP_LIST_ENGELS,
        ],
        nederlands=[
            "Kies hieronder een datum om dit object terug te zetten naar een eerdere versie.",
            "Soort wijziging",
            "Gewijzigd door",
            "Reden van wijziging",
            "Wijzigingen",
            "Aangemaakt",
            "Gewijzigd",
            *APP_LIST_NEDERLANDS,
        ],
    )


def test_inspanning_history_version(inspanning, projectleider):
    """One version of the history, with the button that puts it back."""
    versie = inspanning.history.order_by("history_date").first()
    response = projectleider.get(f"/admin/thema/inspanning/{inspanning.pk}/history/{versie.history_id}/")
    assert response.status_code == 200
    controleer(
        zichtbare_tekst(response),
        engels=[
            "Press the 'Revert' button below to revert to this version of the object.",
            "Revert",
            "Historical inspanningen",
        ],
        nederlands=[
            "Klik hieronder op ‘Terugzetten’ om het object terug te zetten naar deze versie.",
            f"{versie.instance} terugzetten",
            "Terugzetten",
            "Pittige thema's › Inspanningen",  # the breadcrumbs name the real model and app
        ],
    )


def test_admin_javascript_catalogue(demo, projectleider):
    """The rich-text editor's dialogs take their texts from the admin's JavaScript catalogue."""
    response = projectleider.get("/admin/jsi18n/")
    assert response.status_code == 200
    catalogus = response.content.decode()
    nederlands = ["Link bewerken", "Bijwerken", "Lijsteigenschappen", "Beginnen bij", "Alle %s kiezen"]
    ontbreekt = [zin for zin in nederlands if f'"{zin}"' not in catalogus]
    assert not ontbreekt, f"niet in de JavaScript-catalogus: {ontbreekt}"


def test_search_icon_has_a_dutch_name(demo, projectleider):
    """Django hard-codes alt="Search" in admin/search_form.html: molenlanden/templates/admin overrides it."""
    html_ = projectleider.get("/admin/thema/inspanning/").content.decode()
    assert 'alt="Search"' not in html_
    assert 'alt="Zoeken"' in html_


def test_yes_and_no_are_words(demo, projectleider):
    import datetime

    nieuwe_editie(titel="Update", slug="update", soort="update", peildatum=datetime.date(2021, 6, 1))
    for url in ("/admin/rapportage/rapportage/", "/admin/thema/thema/"):
        body = projectleider.get(url).content.decode()
        assert 'alt="True"' not in body and 'alt="False"' not in body, url
    assert ">Nee<" in projectleider.get("/admin/rapportage/rapportage/").content.decode()
    assert ">Ja<" in projectleider.get("/admin/thema/thema/").content.decode()

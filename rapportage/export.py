"""An edition out of the application: a workbook for the controller and JSON for open data.

Both are made from the edition's structure only (the frozen snapshot of an adopted edition, a live build of a
concept), so they always say what the page and the PDF say. The JSON follows rapportage/schema/structuur-v1.json.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder

from molenlanden.common import xlsx
from molenlanden.common.formatting import datum
from molenlanden.common.richtext import html_to_text

SCHEMA_PAD = Path(__file__).resolve().parent / "schema" / "structuur-v1.json"
SCHEMA_NAAM = SCHEMA_PAD.name

VOORTGANG_KOPPEN = [
    "Thema", "Themanaam", "Code", "Titel", "Status", "Peildatum", "Dimensie", "Kleur", "Vorige kleur", "Trend",
    "Toelichting", "Budget", "Besteed", "Prognose",
]  # fmt: skip
DORPSACTIE_KOPPEN = [
    "Kern", "Titel", "Thema", "Status", "Voortgang", "Trekker", "Bijdrage", "Gestart op", "Afgerond op",
]  # fmt: skip


def structuur_json(structuur: dict) -> bytes:
    """The structure as JSON, byte for byte the same for the same structure: sorted keys, fixed separators."""
    tekst = json.dumps(structuur, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (tekst + "\n").encode("utf-8")


def structuur_xlsx(structuur: dict) -> bytes:
    """One row per inspanning and dimension; the amounts on the financiën row only, so a column sum is right."""
    werkmap = xlsx.nieuwe_werkmap()
    _over_de_editie(werkmap, structuur["editie"])
    xlsx.schrijf_blad(
        werkmap,
        "Voortgang",
        VOORTGANG_KOPPEN,
        _voortgang_rijen(structuur),
        bedragen=("Budget", "Besteed", "Prognose"),
    )
    xlsx.schrijf_blad(werkmap, "Dorpsacties", DORPSACTIE_KOPPEN, _dorpsactie_rijen(structuur), bedragen=("Bijdrage",))
    return xlsx.als_bytes(werkmap)


def _datum(iso: str | None):
    return datetime.date.fromisoformat(iso) if iso else None


def _bedrag(waarde: str | None):
    return Decimal(waarde) if waarde is not None else None


def _voortgang_rijen(structuur: dict):
    for thema in structuur["themas"]:
        for i in thema["inspanningen"]:
            for d in i["dimensies"]:
                geld = d["veld"] == "financien"
                yield [
                    thema["code"],
                    thema["naam"],
                    i["code"],
                    i["titel"],
                    i.get("status_label", ""),
                    _datum(i.get("peildatum_voortgang")),
                    d["label"],
                    d["kleur_label"],
                    d.get("vorige_kleur_label") or "",
                    d.get("trend") or "",
                    html_to_text(d["toelichting"]),
                    _bedrag(i.get("budget")) if geld else None,
                    _bedrag(i.get("besteed")) if geld else None,
                    _bedrag(i.get("prognose")) if geld else None,
                ]


def _dorpsactie_rijen(structuur: dict):
    for kern in structuur["kernen"]:
        for actie in kern["acties"]:
            yield [
                kern["naam"],
                actie["titel"],
                actie.get("thema_code") or "",
                actie["status_label"],
                actie["voortgang_label"],
                actie.get("trekker", ""),
                _bedrag(actie.get("bijdrage")),
                _datum(actie.get("gestart_op")),
                _datum(actie.get("afgerond_op")),
            ]


def _over_de_editie(werkmap, editie: dict) -> None:
    vastgesteld = editie["status"] == "vastgesteld"
    rijen = [
        ["Titel", editie["titel"]],
        ["Soort", editie["soort_label"]],
        ["Peildatum", datum(editie["peildatum"])],
        ["Status", editie["status_label"]],
        ["Vastgesteld op", datum(editie.get("vastgesteld_op")) if vastgesteld else "nog niet vastgesteld"],
        ["Vastgesteld door", editie.get("vastgesteld_door", "") if vastgesteld else ""],
        ["Besluitnummer", editie.get("besluitnummer", "")],
        ["", ""],
        ["Blad Voortgang", "Eén rij per inspanning en dimensie (inhoud, planning, financiën)."],
        ["Peildatum (kolom)", "De datum van het oordeel: het laatste op of vóór de peildatum van de editie."],
        ["Bedragen", "Budget, besteed en prognose staan alleen op de rij van financiën, zodat optellen klopt."],
        ["Toelichting", "Als platte tekst; de opmaak staat in de webversie en de PDF."],
    ]
    if not vastgesteld:
        rijen.insert(0, ["Let op", "Concept: de inhoud kan nog veranderen en is niet vastgesteld."])
    xlsx.schrijf_blad(werkmap, "Over deze editie", ["Onderwerp", "Waarde"], rijen)

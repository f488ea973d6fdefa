"""What both renderings of an edition need besides the structure itself: the drawn figures and small tables."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from rapportage import svg
from thema.kleuren import DIMENSIES, Kleur, ergste

GRENS = Path(__file__).resolve().parent / "data" / "molenlanden_grens.geojson"
BRON_KAART = "Gemeentegrens: CBS, gebiedsindeling gemeenten 2021 (CC BY 4.0)"


@cache
def grens() -> dict:
    return json.loads(GRENS.read_text(encoding="utf-8"))


def render_context(structuur: dict) -> dict:
    themas = structuur["themas"]
    rijen = [
        {
            "label": f"{t['code']}. {t['naam']}",
            "dimensies": [{"label": label, "tellingen": t["tellingen"][veld]} for veld, label in DIMENSIES],
        }
        for t in themas
    ]
    veranderd = structuur.get("veranderd") or {}
    return {
        "structuur": structuur,
        "aandacht": aandacht(structuur),
        "svg_oogopslag": svg.stacked_bars(rijen, titel="Kleuren per thema en per dimensie"),
        "svg_kaart": svg.kaart(grens(), structuur["kernen"], titel="Dorpsacties per kern", bron=BRON_KAART),
        "totalen_per_dimensie": [
            {"label": label, "aantallen": [structuur["totalen"]["tellingen"][veld][k] for k in Kleur.values]}
            for veld, label in DIMENSIES
        ],
        "veranderd_groepen": [
            (veranderd.get("nieuw", []), "Nieuwe inspanningen", "Er is geen inspanning bijgekomen."),
            (veranderd.get("afgerond", []), "Afgerond", "Er is geen inspanning afgerond."),
            (veranderd.get("vervallen", []), "Vervallen", "Er is geen inspanning vervallen."),
        ],
        "kernen_zonder_acties": [k["naam"] for k in structuur["kernen"] if not k["acties"]],
        "svg_kaart_netwerk": _kaart_netwerk(structuur),
    }


BIJDRAGEN = svg.Eenheid("aantal_bijdragen", "bijdrage", "bijdragen")


def _kaart_netwerk(structuur: dict) -> str | None:
    """The network's section (an app's, settings.RAPPORTAGE_SECTIES): its contributions per kern on the same map."""
    netwerk = structuur.get("netwerk")
    if not netwerk:
        return None
    per_kern = {k["naam"]: k["aantal"] for k in netwerk["per_kern"]}
    kernen = [{**k, "aantal_bijdragen": per_kern.get(k["naam"], 0)} for k in structuur["kernen"]]
    titel = "Bijdragen uit het netwerk per kern"
    return svg.kaart(grens(), kernen, titel=titel, bron=BRON_KAART, id_prefix="kaart-netwerk", eenheid=BIJDRAGEN)


def aandacht(structuur: dict) -> list[tuple[str, list[dict]]]:
    """The inspanningen that need attention, by their worst colour: [("rood", [...]), ("oranje", [...])].

    Computed from the structure itself, so an edition adopted before this existed shows it as well.
    """
    per_kleur: dict[str, list[dict]] = {Kleur.ROOD: [], Kleur.ORANJE: []}
    for thema in structuur["themas"]:
        for i in thema["inspanningen"]:
            if (slechtste := ergste(d["kleur"] for d in i["dimensies"])) in per_kleur:
                per_kleur[slechtste].append({k: i[k] for k in ("code", "titel", "anker")})
    return [(Kleur(k).label.lower(), lijst) for k, lijst in per_kleur.items() if lijst]

"""Reads of the participant pages, each with a fixed number of queries."""

from __future__ import annotations

from inbreng.models import Bijdrage, InbrengRonde, Uitnodiging
from rapportage.models import Rapportage
from thema.models import Inspanning, Thema


def publieke_stand() -> dict | None:
    """Per thema the colours and short texts of the newest adopted public edition: its frozen snapshot only."""
    editie = Rapportage.objects.openbaar().exclude(snapshot=None).order_by("-peildatum").first()
    if editie is None:
        return None
    s = editie.snapshot
    return {
        "titel": s["editie"]["titel"],
        "slug": s["editie"]["slug"],
        "peildatum": s["editie"]["peildatum"],
        "themas": [
            {
                "code": t["code"],
                "naam": t["naam"],
                "korte_omschrijving": t.get("korte_omschrijving", ""),
                "inspanningen": [
                    {"code": i["code"], "titel": i["titel"], "dimensies": i["dimensies"]} for i in t["inspanningen"]
                ],
            }
            for t in s["themas"]
        ],
    }


def keuzes(stand: dict | None):
    """The thema's and inspanningen one can react to: those the public may see (all active thema's if none)."""
    if stand is None:
        return Thema.objects.actief(), Inspanning.objects.none()
    themas = Thema.objects.filter(code__in=[t["code"] for t in stand["themas"]])
    codes = [i["code"] for t in stand["themas"] for i in t["inspanningen"]]
    return themas, Inspanning.objects.filter(code__in=codes).select_related("thema")


def ronde_pagina(ronde: InbrengRonde, uitnodiging: Uitnodiging | None) -> dict:
    stand = publieke_stand()
    vragen = {v.thema.code: v.vraag for v in ronde.vragen.select_related("thema")}
    if stand:
        for t in stand["themas"]:
            t["vraag"] = vragen.pop(t["code"], "")
    bijdragen = []
    if uitnodiging is not None:
        bijdragen = list(
            uitnodiging.bijdragen.select_related("thema", "inspanning", "inspanning_gemaakt", "samengevoegd_in__thema")
            .prefetch_related("kernen")
            .order_by("ingediend_op", "pk")
        )
    return {"ronde": ronde, "stand": stand, "vragen_zonder_stand": vragen, "bijdragen": bijdragen}


def eigen_bijdrage(uitnodiging: Uitnodiging, pk: int) -> Bijdrage | None:
    return (
        Bijdrage.objects.select_related("ronde", "thema", "inspanning")
        .prefetch_related("kernen")
        .filter(uitnodiging=uitnodiging, pk=pk)
        .first()
    )

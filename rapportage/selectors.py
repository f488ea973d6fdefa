"""Reads for the pages of an edition that need care: the review on the report page, the overview, the chase list.

Each reads with a fixed number of queries, whatever the number of comments or inspanningen.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, has_rol
from rapportage import plekken
from rapportage.builder import build_structuur, voortgang_per_inspanning
from rapportage.models import Opmerking, Rapportage
from thema.kleuren import kleur_gewijzigd
from thema.models import Inspanning


def get_structuur(editie: Rapportage) -> dict:
    """An adopted edition only ever shows its snapshot; a concept is built live from the database."""
    if editie.is_vastgesteld and editie.snapshot:
        return editie.snapshot
    return build_structuur(editie)


def review_state(editie: Rapportage, user, structuur: dict) -> dict | None:
    """The review on the report page: threads per place, the verdicts; None when this reader takes no part."""
    if editie.is_vastgesteld or not has_rol(user, REDACTIE, PROJECTLEIDER):
        return None
    draden, per_plek = {}, defaultdict(list)
    alle = list(editie.opmerkingen.select_related("auteur", "opgelost_door"))
    for o in alle:
        if o.parent_id is None:
            o.antwoorden_lijst = []
            draden[o.pk] = o
            per_plek[o.plek].append(o)
    for o in alle:
        if o.parent_id in draden:
            draden[o.parent_id].antwoorden_lijst.append(o)
    beoordelingen = list(editie.beoordelingen.select_related("redacteur"))
    mijn = next((b for b in beoordelingen if b.redacteur_id == user.pk and b.ronde == editie.review_ronde), None)
    return {
        "plekken": plekken.plekken(structuur),
        "per_plek": per_plek,
        "open_aantal": sum(1 for d in draden.values() if d.is_open),
        "kan_reageren": editie.status == Rapportage.Status.TER_REVIEW,
        "is_projectleider": has_rol(user, PROJECTLEIDER),
        "is_redacteur": has_rol(user, REDACTIE),
        "ronde": editie.review_ronde,
        "beoordelingen": beoordelingen,
        "mijn_oordeel": mijn,
    }


def review_overzicht(editie: Rapportage) -> dict:
    """The projectleider's overview of a review: verdicts per redacteur, comments per place, what changed."""
    structuur = get_structuur(editie)
    opmerkingen = list(editie.opmerkingen.draden())
    per_inspanning = defaultdict(lambda: {"open": 0, "totaal": 0})
    for o in opmerkingen:
        if o.soort == Opmerking.Soort.INSPANNING:
            per_inspanning[o.code]["totaal"] += 1
            per_inspanning[o.code]["open"] += o.is_open
    beoordelingen = list(editie.beoordelingen.select_related("redacteur").order_by("-ronde", "gegeven_op"))
    huidig = {b.redacteur_id: b for b in beoordelingen if b.ronde == editie.review_ronde}
    redactie = get_user_model().objects.filter(groups__name=REDACTIE, is_active=True).order_by("username")
    return {
        "redacteuren": [(u, huidig.get(u.pk)) for u in redactie],
        "eerdere_beoordelingen": [b for b in beoordelingen if b.ronde != editie.review_ronde],
        "open_aantal": sum(o.is_open for o in opmerkingen),
        "aantal_opmerkingen": len(opmerkingen),
        "inspanningen": [
            {**{k: i[k] for k in ("code", "titel", "anker")}, **per_inspanning[i["code"]]}
            for t in structuur["themas"]
            for i in t["inspanningen"]
            if i["code"] in per_inspanning
        ],
        "overige_opmerkingen": [o for o in opmerkingen if o.soort != Opmerking.Soort.INSPANNING],
        "veranderd": wat_veranderd(editie, structuur) if not editie.is_vastgesteld else [],
        "gebeurtenissen": editie.review_gebeurtenissen.select_related("door"),
    }


def wat_veranderd(editie: Rapportage, structuur: dict) -> list[dict]:
    """Per inspanning: colour changes and changed toelichtingen since the previous edition."""
    vorige = editie.vorige_editie
    if vorige is None:
        return []
    inspanningen = [i for t in structuur["themas"] for i in t["inspanningen"]]
    pks = dict(Inspanning.objects.filter(code__in=[i["code"] for i in inspanningen]).values_list("code", "pk"))
    _, eerder = voortgang_per_inspanning(list(pks.values()), editie.peildatum, vorige.peildatum)
    result = []
    for i in inspanningen:
        regels = _regels(i, eerder.get(pks.get(i["code"])), vorige)
        if regels:
            result.append({"code": i["code"], "titel": i["titel"], "anker": i["anker"], "regels": regels})
    return result


def _regels(i: dict, oud, vorige: Rapportage) -> list[dict]:
    regels = []
    if i["nieuw"]:
        regels.append({"tekst": "Nieuw in deze editie"})
    if i["status"] != Inspanning.Status.LOPEND:
        regels.append({"tekst": f"Status: {i['status_label'].lower()}"})
    for d in i["dimensies"]:
        if kleur_gewijzigd(d["vorige_kleur"], d["kleur"]):
            regels.append({"tekst": f"{d['label']}: {d['vorige_kleur_label'].lower()} → {d['kleur_label'].lower()}"})
        oude_tekst = getattr(oud, f"{d['veld']}_toelichting", "") if oud else ""
        if oud and (oude_tekst or "") != (d["toelichting"] or ""):
            tekst = f"Toelichting {d['label'].lower()} gewijzigd"
            regels.append({"tekst": tekst, "oud": oude_tekst, "nieuw": d["toelichting"]})
    if oud is not None and i["peildatum_voortgang"] and i["peildatum_voortgang"] <= vorige.peildatum.isoformat():
        regels.append({"tekst": "Geen nieuwe voortgang sinds de vorige editie"})
    return regels


def achterstand(editie: Rapportage) -> list[Inspanning]:
    """Lopende inspanningen of a concept without voortgang since the previous edition's peildatum."""
    if editie.is_vastgesteld:
        return []
    structuur = build_structuur(editie)
    codes = [i["code"] for t in structuur["themas"] for i in t["inspanningen"] if i["status"] == "lopend"]
    inspanningen = Inspanning.objects.filter(code__in=codes).select_related("thema").prefetch_related("trekkers")
    if editie.vorige_editie:
        inspanningen = inspanningen.exclude(voortgang__peildatum__gt=editie.vorige_editie.peildatum)
    else:
        inspanningen = inspanningen.filter(voortgang__isnull=True)
    return list(inspanningen.order_by("thema__volgorde", "code"))

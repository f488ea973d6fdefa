"""Loads the demo programme (molenlanden/demo/data/demo.json) idempotently: keyed on natural keys."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from simple_history.manager import HistoryManager

from dorpen.models import Dorpsactie, Kern
from molenlanden.common.users import DEMO_REDEN
from thema.models import Inspanning, Thema, Voortgang

DEMO_JSON = Path(__file__).resolve().parent / "data" / "demo.json"
DORPSACTIE_STATUS = {label.lower(): value for value, label in Dorpsactie.Status.choices}


def _p(text: str | None) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def _date(value: str | None):
    return datetime.date.fromisoformat(value) if value else None


def _euro(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _sync(model, keys: dict, values: dict) -> bool:
    """update_or_create that writes (and so adds history) only when something differs."""
    obj = model.objects.filter(**keys).first()
    if obj is None:
        model.objects.create(**keys, **values)
        return True
    changed = [f for f, v in values.items() if getattr(obj, f) != v]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save()
    return bool(changed)


def sync_voortgang(inspanning: Inspanning, v: dict) -> bool:
    values = {"bijsturing": _p(v.get("bijsturing"))}
    for dimensie in ("inhoud", "planning", "financien"):
        values[dimensie] = v[dimensie]["status"]
        values[f"{dimensie}_toelichting"] = _p(v[dimensie]["toelichting"])
    return _sync(Voortgang, {"inspanning": inspanning, "peildatum": _date(v["peildatum"])}, values)


def load_demodata(path: Path = DEMO_JSON, *, rapportages: bool = False) -> int:
    """Returns the number of records created or changed (0 on a second run).

    With `rapportages` also the monitor's own work: the editions (planned, and reviewed and adopted where the demo
    says so) and the monitor's budget.
    """
    from molenlanden.demo.edities import load_budget, load_edities
    from molenlanden.demo.inbreng import load_inbreng

    data = json.loads(path.read_text(encoding="utf-8"))
    begin = timezone.now()
    with transaction.atomic():
        changes = _load_programma(data)
        if rapportages:
            changes += load_budget(data)  # first: an adopted edition's appendix freezes the budget
            changes += load_edities(data)
            changes += load_inbreng()  # after the adopted editions: only the (concept) Update reports on it
        _mark_history(begin)
    return changes


def _mark_history(sinds) -> None:
    """The history rows this load made say how they came about ("bij het laden van de demogegevens")."""
    for model in apps.get_models():
        if isinstance(historie := getattr(model, "history", None), HistoryManager):
            historie.model.objects.filter(
                history_date__gte=sinds, history_user__isnull=True, history_change_reason__isnull=True
            ).update(history_change_reason=DEMO_REDEN)


def _load_programma(data: dict) -> int:
    changes = 0
    themas = {}
    for volgorde, t in enumerate(data["themas"], start=1):
        changes += _sync(
            Thema,
            {"code": t["code"]},
            {
                "naam": t["naam"],
                "slug": slugify(t["naam"]),
                "korte_omschrijving": t["omschrijving"],
                "doel": _p(t["omschrijving"]),
                "portefeuillehouder": t["portefeuillehouder"],
                "volgorde": volgorde,
            },
        )
        themas[t["code"]] = Thema.objects.get(code=t["code"])
    for i in data["inspanningen"]:
        changes += _sync(
            Inspanning,
            {"code": i["code"]},
            {
                "thema": themas[i["thema"]],
                "titel": i["titel"],
                "omschrijving": _p(i["omschrijving"]),
                "bestuurlijk_opdrachtgever": i["bestuurlijk_opdrachtgever"],
                "ambtelijk_opdrachtnemer": i["ambtelijk_opdrachtnemer"],
                "budget": _euro(i["budget"]),
                "opgenomen_op": _date(i["opgenomen_op"]),
            },
        )
        inspanning = Inspanning.objects.get(code=i["code"])
        for v in i["voortgang"]:
            changes += sync_voortgang(inspanning, v)
    kernen = {}
    for k in data["kernen"]:
        changes += _sync(
            Kern,
            {"naam": k["naam"]},
            {
                "slug": slugify(k["naam"]),
                "soort": k["soort"],
                "inwoners": k["inwoners_circa"],
                "latitude": Decimal(str(k["lat"])).quantize(Decimal("0.00001")),
                "longitude": Decimal(str(k["lon"])).quantize(Decimal("0.00001")),
                "coordinaat_geschat": k["coordinaat_bron"] == "schatting",
                "voormalige_gemeente": k["voormalige_gemeente"],
            },
        )
        kernen[k["naam"]] = Kern.objects.get(naam=k["naam"])
    for a in data["dorpsacties"]:
        changes += _sync(
            Dorpsactie,
            {"kern": kernen[a["kern"]], "titel": a["titel"]},
            {
                "omschrijving": _p(a["omschrijving"]),
                "thema": themas.get(a["thema"]) if a["thema"] else None,
                "trekker": a["trekker"],
                "status": DORPSACTIE_STATUS[a["status"]],
                "voortgang": a["voortgang"],
                "bijdrage": _euro(a["bijdrage"]),
                "gestart_op": _date(a["gestart_op"]),
                "afgerond_op": _date(a["afgerond_op"]),
            },
        )
    return changes

"""The change history of an inspanning, its voortgang and its mijlpalen (django-simple-history), as readable
Dutch diffs.

Reads with a fixed number of queries, however long the history: one per historical model and one for the
trekkers at each moment. Foreign keys (the thema) are joined into the rows, never looked up one by one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Prefetch
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from molenlanden.common.formatting import datum, datumtijd, euro
from molenlanden.common.richtext import RichTextField, clean_rich_text, html_to_text
from molenlanden.common.users import DEMO_REDEN, display_name, door_wie
from thema.kleuren import DIMENSIES
from thema.models import Inspanning, Mijlpaal, Voortgang

# Technical or derived fields: they change with every save and tell the reader nothing.
NIET_TONEN = {"id", "inspanning", "ingevoerd_door", "ingevoerd_op", "gewijzigd_op"}
SOORT = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
AANGEMAAKT = {Voortgang: "ingevoerd", Mijlpaal: "toegevoegd"}  # "+" in the words that fit the thing
LEEG = "(leeg)"


@dataclass
class Wijziging:
    label: str
    oud: str = ""
    nieuw: str = ""
    is_tekst: bool = False  # rich text: shown old and new side by side


@dataclass
class Gebeurtenis:
    wanneer: datetime.datetime
    wie: str
    onderwerp: str
    soort: str
    wijzigingen: list[Wijziging] = field(default_factory=list)
    toelichting: str = ""  # shown in brackets after the soort: "(gepland 1 maart 2021)"
    reden: str = ""
    history_id: int = 0

    @property
    def datumtijd(self) -> str:
        return datumtijd(self.wanneer)


def build_tijdlijn(inspanning: Inspanning) -> list[Gebeurtenis]:
    """Every change to the inspanning, its voortgang and its mijlpalen (also deleted ones), newest first."""
    trekkers = Prefetch(
        "historicalinspanning_trekkers_set",
        queryset=apps.get_model("thema", "HistoricalInspanning_trekkers").objects.select_related("user"),
    )
    inspanning_rows = list(
        Inspanning.history.filter(id=inspanning.pk)
        .select_related("history_user", "thema")
        .prefetch_related(trekkers)
        .order_by("history_date", "history_id")
    )
    voortgang_rows = list(
        Voortgang.history.filter(inspanning_id=inspanning.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    mijlpaal_rows = list(
        Mijlpaal.history.filter(inspanning_id=inspanning.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    gebeurtenissen = [
        *_gebeurtenissen(inspanning_rows, lambda row: "Inspanning", trekkers=True),
        *_gebeurtenissen(voortgang_rows, lambda row: f"Voortgang per {datum(row.peildatum)}"),
        *_gebeurtenissen(mijlpaal_rows, lambda row: f"Mijlpaal ‘{row.omschrijving}’"),
    ]
    gebeurtenissen.sort(key=lambda g: (g.wanneer, g.history_id), reverse=True)
    return gebeurtenissen


def _gebeurtenissen(rows, onderwerp, trekkers=False):
    vorige_per_object = {}
    for row in rows:
        vorige = vorige_per_object.get(row.id)
        vorige_per_object[row.id] = row
        if row.history_type == "~" and vorige is not None:
            wijzigingen = _verschillen(vorige, row)
            if trekkers:
                wijzigingen += _trekkers_verschil(vorige, row)
            if not wijzigingen:
                continue  # a save without a visible change is no event for the reader
        elif row.history_type == "+" and row.instance_type is Voortgang:
            wijzigingen = [
                Wijziging(capfirst(_veld(row, veld).verbose_name), nieuw=_waarde(row, veld)) for veld, _ in DIMENSIES
            ]
        else:
            wijzigingen = []
        yield Gebeurtenis(
            wanneer=row.history_date,
            wie=door_wie(row.history_user, row.history_change_reason),
            onderwerp=onderwerp(row),
            soort=AANGEMAAKT.get(row.instance_type, SOORT["+"]) if row.history_type == "+" else SOORT[row.history_type],
            wijzigingen=wijzigingen,
            toelichting=_mijlpaal_data(row) if row.instance_type is Mijlpaal and row.history_type != "~" else "",
            reden="" if row.history_change_reason == DEMO_REDEN else (row.history_change_reason or ""),
            history_id=row.history_id,
        )


def _mijlpaal_data(row) -> str:
    """What a mijlpaal was when it came or went: "gepland 1 maart 2021, gereed op 15 december 2020"."""
    tekst = f"gepland {datum(row.geplande_datum)}"
    return f"{tekst}, gereed op {datum(row.gereed_op)}" if row.gereed_op else tekst


def _veld(row, naam):
    return row.instance_type._meta.get_field(naam)


def _verschillen(oud, nieuw) -> list[Wijziging]:
    wijzigingen = []
    for model_field in nieuw.instance_type._meta.concrete_fields:
        if model_field.name in NIET_TONEN:
            continue
        label = capfirst(model_field.verbose_name)
        if isinstance(model_field, RichTextField):
            voor, na = getattr(oud, model_field.attname), getattr(nieuw, model_field.attname)
            if html_to_text(voor) != html_to_text(na):
                wijzigingen.append(Wijziging(label, _html(voor), _html(na), is_tekst=True))
            continue
        voor, na = _waarde(oud, model_field.name), _waarde(nieuw, model_field.name)
        if voor != na:
            wijzigingen.append(Wijziging(label, voor, na))
    return wijzigingen


def _trekkers_verschil(oud, nieuw) -> list[Wijziging]:
    voor = sorted(display_name(t.user) for t in oud.historicalinspanning_trekkers_set.all())
    na = sorted(display_name(t.user) for t in nieuw.historicalinspanning_trekkers_set.all())
    if voor == na:
        return []
    return [Wijziging("Trekkers", ", ".join(voor) or LEEG, ", ".join(na) or LEEG)]


def _waarde(row, naam) -> str:
    model_field = _veld(row, naam)
    value = getattr(row, model_field.attname)
    if value is None or value == "":
        return LEEG
    if model_field.is_relation:
        # Only what select_related joined in: never a query per row. A deleted target reads as its id.
        gerelateerd = model_field.get_cached_value(row, default=None)
        return str(gerelateerd) if gerelateerd is not None else f"#{value}"
    if model_field.choices:
        # Colours and statuses as words, lower case as in running text: "planning: oranje → rood".
        return str(dict(model_field.flatchoices).get(value, value)).lower()
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.date):
        return datum(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _html(value: str | None):
    # Sanitised on save already; cleaned again because history rows may come from anywhere (scripts, imports).
    return mark_safe(clean_rich_text(value)) if value else ""  # noqa: S308 - cleaned by nh3 just above

"""Cell values both ways, as the municipality writes them: words for colours and statuses, Dutch amounts and dates.

Export renders native values (dates, numbers) so the workbook sorts and adds up; import accepts what Excel or a
person makes of them. Every refusal is a ValueError with a Dutch message: django-import-export turns it into a row
error for that column instead of a traceback.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.html import escape
from import_export import widgets

from molenlanden.common.formatting import parse_datum, parse_euro
from molenlanden.common.richtext import clean_rich_text
from thema.kleuren import Kleur, kleur_uit_tekst

_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def tekst(value) -> str:
    """A cell as text: empty for nothing, and 12 rather than 12.0 for a number Excel made of a code."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _opties(labels) -> str:
    labels = [label.lower() for label in labels]
    return ", ".join(labels[:-1]) + " of " + labels[-1]


class TekstWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return tekst(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class OpgemaakteTekstWidget(widgets.Widget):
    """Rich text as its HTML, cleaned by the editor's allow-list on the way in; plain text becomes paragraphs."""

    def clean(self, value, row=None, **kwargs):
        waarde = tekst(value)
        if waarde and not _TAG.search(waarde):
            alineas = [a.strip() for a in re.split(r"\n\s*\n|\r\n\s*\r\n", waarde) if a.strip()]
            waarde = "".join(f"<p>{escape(a).replace(chr(10), '<br>')}</p>" for a in alineas)
        return clean_rich_text(waarde)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class KeuzeWidget(widgets.Widget):
    """A choice by its label ("In uitvoering") or its stored value, in any case."""

    def __init__(self, choices, naam: str, *, leeg=None):
        super().__init__()
        self.labels = dict(choices)
        self.naam = naam
        self.leeg = leeg
        self.waarden = {str(label).lower(): waarde for waarde, label in self.labels.items()}
        self.waarden.update({str(waarde).lower(): waarde for waarde in self.labels})

    def clean(self, value, row=None, **kwargs):
        woord = tekst(value).lower()
        if not woord and self.leeg is not None:
            return self.leeg
        if woord in self.waarden:
            return self.waarden[woord]
        if not woord:
            raise ValueError(f"{self.naam} ontbreekt; kies {_opties(self.labels.values())}")
        raise ValueError(f"{self.naam} '{tekst(value)}' bestaat niet; kies {_opties(self.labels.values())}")

    def render(self, value, obj=None, **kwargs):
        return str(self.labels.get(value, value or ""))


class KleurWidget(widgets.Widget):
    """A stoplight colour as its word; 'G', 'groen' and 'Groen' all read as groen."""

    def __init__(self, *, verplicht=True):
        super().__init__()
        self.verplicht = verplicht

    def clean(self, value, row=None, **kwargs):
        if not tekst(value) and not self.verplicht:
            return None
        return kleur_uit_tekst(value).value

    def render(self, value, obj=None, **kwargs):
        return Kleur(value).label if value else ""


class JaNeeWidget(widgets.Widget):
    JA = {"ja", "j", "waar", "true", "1", "x"}
    NEE = {"nee", "n", "onwaar", "false", "0", ""}

    def __init__(self, naam: str):
        super().__init__()
        self.naam = naam

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        woord = tekst(value).lower()
        if woord in self.JA:
            return True
        if woord in self.NEE:
            return False
        raise ValueError(f"{self.naam} '{tekst(value)}' is geen ja of nee")

    def render(self, value, obj=None, **kwargs):
        return "Ja" if value else "Nee"


class BedragWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_euro(value)

    def render(self, value, obj=None, **kwargs):
        return value


class DatumWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_datum(value)

    def render(self, value, obj=None, **kwargs):
        return value


class _Getal(widgets.Widget):
    """A number cell: rendered as the number, read back with the column's name in any error."""

    def __init__(self, naam: str):
        super().__init__()
        self.naam = naam

    def render(self, value, obj=None, **kwargs):
        return value


class GetalWidget(_Getal):
    """A whole number (volgorde, inwoners); None for an empty cell."""

    def clean(self, value, row=None, **kwargs):
        waarde = tekst(value)
        if isinstance(value, str) and re.fullmatch(r"\d{1,3}(\.\d{3})+", waarde):
            waarde = waarde.replace(".", "")  # 3.445 inwoners
        if not waarde:
            return None
        if not waarde.isdigit():
            raise ValueError(f"{self.naam} '{tekst(value)}' is geen geheel getal")
        return int(waarde)


class CoordinaatWidget(_Getal):
    """Degrees WGS84 with five decimals (about a metre); a comma is read as the decimal sign."""

    def clean(self, value, row=None, **kwargs):
        waarde = tekst(value).replace(",", ".")
        if not waarde:
            return None
        if not re.fullmatch(r"-?\d+(\.\d+)?", waarde):
            raise ValueError(f"{self.naam} '{tekst(value)}' is geen getal; schrijf bijvoorbeeld 51,87354")
        return Decimal(waarde).quantize(Decimal("0.00001"))


class CodeWidget(widgets.ForeignKeyWidget):
    """A related row by its code or name; an unknown one is a row error that says where to look."""

    def __init__(self, model, field: str, naam: str, waar: str):
        super().__init__(model, field)
        self.naam = naam
        self.waar = waar
        self.gevonden = {}  # per import (a resource copies its widgets): one query per code, not per row

    def clean(self, value, row=None, **kwargs):
        sleutel = tekst(value)
        if not sleutel:
            return None
        if sleutel not in self.gevonden:
            self.gevonden[sleutel] = self.model.objects.filter(**{self.field: sleutel}).first()
        if self.gevonden[sleutel] is None:
            raise ValueError(f"{self.naam} '{sleutel}' bestaat niet; {self.waar}")
        return self.gevonden[sleutel]

    def render(self, value, obj=None, **kwargs):
        return getattr(value, self.field) if value is not None else ""

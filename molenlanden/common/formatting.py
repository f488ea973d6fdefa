"""Dutch presentation of amounts and dates, as the municipality writes them (Taaladvies).

Built on Django's own `nl` formats (thousands ".", decimals ",", month names); what Django lacks is added here:
the euro sign with a non-breaking space, ",-" for whole amounts, and "om" between a date and a time.
The way back too: amounts and dates as people type them in Excel or Word (parse_euro, parse_datum).
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone, translation


def euro(value) -> str:
    """`€ 146.830,-` for whole amounts, `€ 1.234,50` otherwise, `-€ 12,-` below zero; '' for None.

    Written out rather than through Django's `nl` number format: that switches the language for every amount, a
    tenth of an admin list's time and thousands of calls per report (tests compare the two).
    """
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    geheel, _, centen = f"{abs(amount):.2f}".partition(".")
    getal = f"{int(geheel):,}".replace(",", ".") + (",-" if centen == "00" else f",{centen}")
    return f"{sign}€\u00a0{getal}"


def bedrag(value, geen: str = "") -> str:
    """An amount as euro(), or the words for none ("geen bijdrage") when it is zero or unknown: never "€ 0,-"."""
    if value is None or value == "" or Decimal(str(value)) == 0:
        return geen
    return euro(value)


def _lokaal(value):
    if isinstance(value, str):
        value = (
            datetime.datetime.fromisoformat(value)
            if "T" in value or " " in value
            else datetime.date.fromisoformat(value)
        )
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value


def datum(value) -> str:
    """`23 november 2026`; '' for None. Accepts a date, a datetime or an ISO string (from a snapshot).

    Django's "j F Y" in `nl`, written out (as euro(): no language switch per date; tests compare the two).
    """
    if not value:
        return ""
    value = _lokaal(value)
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def datumtijd(value) -> str:
    """`23 november 2026 om 14:05`, in Dutch local time."""
    if not value:
        return ""
    with translation.override("nl"):
        return formats.date_format(_lokaal(value), r"j F Y \o\m H:i")


# --- Reading amounts and dates as people type them (Excel cells, Word text) ---

_EURO_RUIS = re.compile(r"€|\beur(o)?\b|\+/-|±|\bca\.?|\s", re.IGNORECASE)
_HELE_EURO = re.compile(r"[,.]-{1,2}$")  # "146.830,-" is a whole amount
_DUIZENDTALLEN = re.compile(r"^\d{1,3}(\.\d{3})+$")  # "13.000" or "1.234.567": dots group thousands


def parse_euro(value) -> Decimal | None:
    """An amount as the municipality writes it ("€ 146.830,-", "146830,50", "13.000") or a number from a cell.

    None for an empty value; ValueError with a Dutch message for anything that is not an amount.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is geen bedrag")
    if isinstance(value, int | Decimal):
        getal = Decimal(value)
    elif isinstance(value, float):
        getal = Decimal(repr(value))  # the shortest decimal that is this float: 0.1 stays 0.1
    else:
        getal = _parse_euro_tekst(str(value))
    if not getal.is_finite():
        raise ValueError(f"'{value}' is geen bedrag")
    if getal != getal.quantize(Decimal("0.01")):
        raise ValueError(f"bedrag '{value}' heeft meer dan twee cijfers achter de komma")
    return getal.quantize(Decimal("0.01"))


def _parse_euro_tekst(tekst: str) -> Decimal:
    kaal = _EURO_RUIS.sub("", tekst.replace("\u2212", "-"))
    teken = ""
    if kaal.startswith("-"):
        teken, kaal = "-", kaal[1:]
    kaal = _HELE_EURO.sub("", kaal)
    if "," in kaal and "." in kaal:
        # Whichever comes last separates the cents: "1.234,50" (Dutch) or "1,234.50".
        duizend, decimaal = (".", ",") if kaal.rfind(",") > kaal.rfind(".") else (",", ".")
        kaal = kaal.replace(duizend, "").replace(decimaal, ".")
    elif "," in kaal:
        kaal = kaal.replace(",", ".")
    elif _DUIZENDTALLEN.match(kaal):
        kaal = kaal.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", kaal):
        raise ValueError(f"'{tekst.strip()}' is geen bedrag; schrijf bijvoorbeeld 146830,50 of € 146.830,-")
    return Decimal(teken + kaal)


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip
_DATUM_CIJFERS = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATUM_WOORDEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\s+(\d{4})$")


def parse_datum(value) -> datetime.date | None:
    """A date from a cell (a date or a datetime) or as typed: 23-11-2026, 23/11/2026, 2026-11-23, 23 november 2026.

    None for an empty value; ValueError with a Dutch message for anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            raise ValueError(f"'{value:%d-%m-%Y %H:%M}' is een tijdstip, geen datum")
        return value.date()
    if isinstance(value, datetime.date):
        return value
    tekst = str(value).strip().lower()
    try:
        if match := _DATUM_CIJFERS.match(tekst):
            dag, maand, jaar = (int(g) for g in match.groups())
            return datetime.date(jaar, maand, dag)
        if (match := _DATUM_WOORDEN.match(tekst)) and match.group(2) in MAANDEN:
            return datetime.date(int(match.group(3)), MAANDEN.index(match.group(2)) + 1, int(match.group(1)))
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        pass
    raise ValueError(
        f"datum '{str(value).strip()}' bestaat niet of is onleesbaar; schrijf dd-mm-jjjj, bijvoorbeeld 23-11-2026"
    )


def iso_tijdstip(value) -> str:
    """A moment for `<time datetime>`: ISO 8601 to the second (HTML allows at most three decimals, Python gives six)."""
    if not value:
        return ""
    return _lokaal(value).replace(microsecond=0).isoformat()


def bestandsgrootte(aantal_bytes) -> str:
    """`850 kB`, `1,4 MB`: a file's size on its download link (decimal units, as file managers show them)."""
    if aantal_bytes is None or aantal_bytes == "":
        return ""
    aantal_bytes = int(aantal_bytes)
    if aantal_bytes < 1000 * 1000:
        return f"{max(1, round(aantal_bytes / 1000))} kB"
    with translation.override("nl"):
        return formats.number_format(round(aantal_bytes / 1000 / 1000, 1), decimal_pos=1, use_l10n=True) + " MB"

"""Dutch presentation of amounts and dates, as the municipality writes them (Taaladvies).

Built on Django's own `nl` formats (thousands ".", decimals ",", month names); what Django lacks is added here:
the euro sign with a non-breaking space, ",-" for whole amounts, and "om" between a date and a time.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone, translation


def euro(value) -> str:
    """`€ 146.830,-` for whole amounts, `€ 1.234,50` otherwise, `-€ 12,-` below zero; '' for None."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    with translation.override("nl"):
        if amount == amount.to_integral_value():
            getal = formats.number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True) + ",-"
        else:
            getal = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{sign}€\u00a0{getal}"


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
    """`23 november 2026`; '' for None. Accepts a date, a datetime or an ISO string (from a snapshot)."""
    if not value:
        return ""
    with translation.override("nl"):
        return formats.date_format(_lokaal(value), "j F Y")


def datumtijd(value) -> str:
    """`23 november 2026 om 14:05`, in Dutch local time."""
    if not value:
        return ""
    with translation.override("nl"):
        return formats.date_format(_lokaal(value), r"j F Y \o\m H:i")

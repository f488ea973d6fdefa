"""Dutch presentation of amounts and dates, as the municipality writes them (Taaladvies)."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def _groups(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def euro(value) -> str:
    """`€ 146.830,-` for whole amounts, `€ 1.234,50` otherwise, `-€ 12,-` below zero; '' for None."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    whole, cents = divmod(int(amount * 100), 100)
    tail = "-" if cents == 0 else f"{cents:02d}"
    return f"{sign}€\u00a0{_groups(whole)},{tail}"


def datum(value) -> str:
    """`23 november 2026`; '' for None. Accepts a date, a datetime or an ISO string (from a snapshot)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def datumtijd(value) -> str:
    """`23 november 2026 om 14:05`, in Dutch local time."""
    if not value:
        return ""
    from django.utils import timezone

    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{datum(local.date())} om {local:%H:%M}"

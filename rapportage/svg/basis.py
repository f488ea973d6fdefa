"""Shared by the SVG figures: colours, escaping, number formatting, the <svg> opening.

Pure functions: they take plain data (from the report builder) and return an SVG string that works both inside the
HTML page (axe-core WCAG 2.1 AA) and inside the PDF made by WeasyPrint. Only basic SVG is used (rect, circle, path,
text, g, title, desc) with presentation attributes; no CSS, no scripts, no external references.

Every text that is placed is escaped, because names come from the database.
"""

from __future__ import annotations

import re

from django.utils.html import escape

FONT = "DejaVu Sans, Arial, sans-serif"
TEKST = "#1b1b1b"
TEKST_ZACHT = "#4a4a4a"

KLEUREN = ("groen", "oranje", "rood", "grijs")
VULLING = {"groen": "#1d6b32", "oranje": "#f2a33a", "rood": "#b02a20", "grijs": "#5c636a"}
TEKST_OP = {"groen": "#ffffff", "oranje": TEKST, "rood": "#ffffff", "grijs": "#ffffff"}

# Rood is hatched: told apart from the dark green by more than its hue (WCAG 1.4.1), on screen and in print.
ROOD_STREEP = "#6e1a14"


def vulling(kleur: str, prefix: str) -> str:
    return f"url(#{prefix}-rood)" if kleur == "rood" else VULLING[kleur]


def patronen(prefix: str) -> str:
    return (
        f'<defs><pattern id="{prefix}-rood" patternUnits="userSpaceOnUse" width="8" height="8" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{VULLING["rood"]}"/>'
        f'<rect width="3" height="8" fill="{ROOD_STREEP}"/></pattern></defs>'
    )


KAART_VULLING = "#e8eef2"
KAART_LIJN = "#003b5c"
KERN_KLEUR = "#003b5c"


def _e(tekst) -> str:
    """Escape text for use in SVG/XML content and attribute values."""
    return str(escape(str(tekst)))


def _n(getal: float) -> str:
    """A compact number for an attribute (no trailing zeros)."""
    tekst = f"{getal:.2f}".rstrip("0").rstrip(".")
    return "0" if tekst in ("", "-0") else tekst


def _id(prefix: str) -> str:
    schoon = re.sub(r"[^A-Za-z0-9_-]", "-", str(prefix)) or "svg"
    return schoon if schoon[0].isalpha() else f"svg-{schoon}"


def _tekstbreedte(tekst: str, grootte: float) -> float:
    return 0.6 * grootte * len(tekst)


def _open_svg(prefix: str, breedte: float, hoogte: float, titel: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{prefix}-titel {prefix}-desc" '
        f'viewBox="0 0 {_n(breedte)} {_n(hoogte)}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'font-family="{FONT}" font-size="14" fill="{TEKST}">',
        f'<title id="{prefix}-titel">{_e(titel)}</title>',
        f'<desc id="{prefix}-desc">{_e(desc)}</desc>',
        f'<rect x="0" y="0" width="{_n(breedte)}" height="{_n(hoogte)}" fill="#ffffff"/>',
    ]


def _wrap(tekst: str, max_tekens: int) -> list[str]:
    """Greedy word wrap on a number of characters."""
    regels: list[str] = []
    huidig = ""
    for woord in str(tekst).split():
        kandidaat = f"{huidig} {woord}".strip()
        if len(kandidaat) <= max_tekens or not huidig:
            huidig = kandidaat
        else:
            regels.append(huidig)
            huidig = woord
    if huidig:
        regels.append(huidig)
    return regels or [""]


def _telling(tellingen: dict, kleur: str) -> int:
    try:
        return max(0, int(tellingen.get(kleur) or 0))
    except (TypeError, ValueError):
        return 0

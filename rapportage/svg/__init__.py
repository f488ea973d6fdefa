"""Inline SVG figures for the reports, drawn on the server.

Pure functions: they take plain data (from the report builder) and return an SVG string that works both inside the
HTML page (axe-core WCAG 2.1 AA) and inside the PDF made by WeasyPrint. Only basic SVG is used (rect, circle, path,
text, g, title, desc) with presentation attributes; no CSS, no scripts, no external references. Every text that is
placed is escaped, because names come from the database.
"""

from rapportage.svg.basis import KLEUREN, VULLING
from rapportage.svg.kaart import Eenheid, kaart
from rapportage.svg.oogopslag import stacked_bars

__all__ = ["KLEUREN", "VULLING", "Eenheid", "kaart", "stacked_bars"]

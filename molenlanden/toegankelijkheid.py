"""What the accessibility statement says about how this site was checked: kept true by the test that checks it.

tests/browser/test_every_page.py walks every page as every role and fails when the numbers here no longer match what
it walked, so the statement cannot quietly go stale.
"""

from __future__ import annotations

import datetime

GEMETEN_OP = datetime.date(2026, 11, 26)
ROLLEN = ("bezoeker zonder account", "college", "redactiegroep", "trekker", "projectleider")
NORM = "WCAG 2.1, niveau A en AA (EN 301 549)"
HULPMIDDELEN = (
    "axe-core 4.14 in Chromium, op elke pagina en voor elke rol die haar kan openen",
    "de Nu HTML Checker (vnu) op de HTML van elke pagina",
    "elke pagina op 320 CSS-pixels breed: niets mag opzij scrollen (reflow)",
    "de PDF's als PDF/A-2a: getagd, met taal, bladwijzers, ingesloten lettertypen en alternatieve teksten",
)

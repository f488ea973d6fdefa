"""Plausible input: dates within the programme's life, codes that are safe in a URL and an anchor.

Used as model field validators, so the admin, the browser forms and the imports all refuse the same things.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from molenlanden.common.formatting import datum

EERSTE_DATUM = datetime.date(2015, 1, 1)
LAATSTE_DATUM = datetime.date(2040, 12, 31)

# Words a code may not be: they are (or may become) paths of the site next to /inspanningen/<code>/.
GERESERVEERDE_CODES = frozenset({"mijn", "nieuw", "voortgang", "admin", "inbreng", "rapportages", "static", "media"})
CODE_PATROON = r"[A-Za-z0-9][A-Za-z0-9-]*"


def binnen_programma(value: datetime.date) -> None:
    """Dates far outside the programme's life are typing errors (year 9999 breaks every page of an edition)."""
    if value and not EERSTE_DATUM <= value <= LAATSTE_DATUM:
        raise ValidationError(
            f"Kies een datum tussen {datum(EERSTE_DATUM)} en {datum(LAATSTE_DATUM)}.", code="buiten_programma"
        )


def niet_in_de_toekomst(value: datetime.date) -> None:
    """A judgement cannot be dated after today: it would count as the latest in every edition."""
    if value and value > timezone.localdate():
        raise ValidationError(
            f"Deze datum ligt in de toekomst. Kies vandaag ({datum(timezone.localdate())}) of eerder.",
            code="toekomst",
        )


@deconstructible
class CodeValidator:
    """A code is part of a URL and of an anchor on the report page: letters, digits and hyphens only."""

    patroon = RegexValidator(
        rf"^{CODE_PATROON}\Z",
        "Een code bestaat uit letters, cijfers en streepjes en begint met een letter of cijfer, bijvoorbeeld A1.",
        code="code",
    )

    def __call__(self, value: str) -> None:
        self.patroon(value)
        if value.lower() in GERESERVEERDE_CODES:
            raise ValidationError(
                f"‘{value}’ is een gereserveerd woord van de site; kies een andere code.", code="gereserveerd"
            )

    def __eq__(self, other):
        return isinstance(other, CodeValidator)

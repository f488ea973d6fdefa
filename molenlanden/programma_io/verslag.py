"""What an import did or would do, per sheet: for the preview in the admin and the lines of the commands."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from molenlanden.common.formatting import datum, euro
from molenlanden.common.richtext import html_to_text

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
KORT = 80


@dataclass
class Fout:
    tekst: str
    rij: int | None = None
    kolom: str = ""
    plek: str = ""  # instead of a row: "A1 Woningbouwversneller" for a Word document

    def __str__(self) -> str:
        if self.rij:
            waar = f"rij {self.rij}: "
        elif self.plek:
            waar = f"{self.plek}: "
        else:
            waar = ""
        kolom = f" (kolom {self.kolom})" if self.kolom else ""
        return f"{waar}{self.tekst}{kolom}"


@dataclass
class Wijziging:
    kolom: str
    oud: str
    nieuw: str


@dataclass
class Rij:
    rij: int | None
    naam: str
    soort: str  # NIEUW, GEWIJZIGD or ONGEWIJZIGD
    wijzigingen: list[Wijziging] = field(default_factory=list)


@dataclass
class BladVerslag:
    naam: str
    rijen: list[Rij] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)

    def aantal(self, soort: str) -> int:
        return sum(1 for r in self.rijen if r.soort == soort)

    @property
    def nieuw(self) -> int:
        return self.aantal(NIEUW)

    @property
    def gewijzigd(self) -> int:
        return self.aantal(GEWIJZIGD)

    @property
    def ongewijzigd(self) -> int:
        return self.aantal(ONGEWIJZIGD)

    @property
    def veranderd(self) -> list[Rij]:
        return [r for r in self.rijen if r.soort != ONGEWIJZIGD]

    def samenvatting(self) -> str:
        return f"{self.nieuw} nieuw, {self.gewijzigd} gewijzigd, {self.ongewijzigd} ongewijzigd"


@dataclass
class Verslag:
    bestandsnaam: str = ""
    bladen: list[BladVerslag] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)  # about the file as a whole
    meldingen: list[str] = field(default_factory=list)
    bevestigd: bool = False

    @property
    def heeft_fouten(self) -> bool:
        return bool(self.fouten) or any(blad.fouten for blad in self.bladen)

    @property
    def aantal_fouten(self) -> int:
        return len(self.fouten) + sum(len(blad.fouten) for blad in self.bladen)

    @property
    def verandert_iets(self) -> bool:
        return any(blad.veranderd for blad in self.bladen)

    def blad(self, naam: str) -> BladVerslag:
        return next(b for b in self.bladen if b.naam == naam)

    def regels(self) -> list[str]:
        """The report as lines of text, for the commands."""
        regels = [f"FOUT: {fout}" for fout in self.fouten] + [f"Let op: {m}" for m in self.meldingen]
        for blad in self.bladen:
            regels.append(f"{blad.naam}: {blad.samenvatting()}")
            for rij in blad.veranderd:
                waar = f"rij {rij.rij}: " if rij.rij else ""
                regels.append(f"  {waar}{rij.naam} ({rij.soort})")
                regels.extend(f"      {w.kolom}: {w.oud or '—'} → {w.nieuw or '—'}" for w in rij.wijzigingen)
            regels.extend(f"  Let op: {m}" for m in blad.meldingen)
            regels.extend(f"  FOUT {blad.naam}, {fout}" for fout in blad.fouten)
        return regels


def leesbaar(waarde, *, opgemaakt: bool = False) -> str:
    """A cell value as a person reads it in the preview: 1 juni 2021, € 146.830,-, the words of a rich text."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, datetime.date):
        return datum(waarde)
    if isinstance(waarde, Decimal):
        return euro(waarde)
    tekst = html_to_text(waarde) if opgemaakt else str(waarde)
    return tekst if len(tekst) <= KORT else tekst[: KORT - 1] + "…"

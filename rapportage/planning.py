"""The planning of an edition: its phases, the rules they follow, and what the planning says at a date.

Defined here only; the admin, the demo loader, the start page, "Mijn inspanningen", the chase list and the reminders
all use these functions. They work on anything with the fields of a phase (soort, begindatum, einddatum,
afgerond_op), so the admin can check forms before anything is saved.

The rules:
- the phases follow each other in a fixed order (VOLGORDE), each kind at most once per edition;
- a phase ends on or after the day it begins; "aanbieden aan het college" is one day, the meeting;
- a phase begins on or after the last day of the phase before it: they may touch, never overlap further;
- on a day where one phase ends and the next begins, the next one is current, so at every date from the first
  phase on there is exactly one current phase: the last one that has begun.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from molenlanden.common.formatting import datum


class FaseSoort(models.TextChoices):
    """The phases of an edition, in the order in which they follow each other."""

    UITVRAGEN = "uitvragen", "Voortgang uitvragen"
    REDACTIE = "redactie", "Redactie"
    COLLEGE = "college", "Aanbieden aan het college"
    VASTSTELLING = "vaststelling", "Vaststelling"
    PUBLICATIE = "publicatie", "Publicatie"


VOLGORDE = list(FaseSoort.values)
EENDAAGS = frozenset({FaseSoort.COLLEGE})  # the college meeting is a date, not a period

# Kinds of warning on the start page (what is late).
TE_LAAT_FASE = "fase"
TE_LAAT_VOORTGANG = "voortgang"
TE_LAAT_OPMERKINGEN = "opmerkingen"

VOORAF = "vooraf"
ACHTERAF = "achteraf"


def label(soort: str) -> str:
    return FaseSoort(soort).label


def einde(fase) -> datetime.date:
    """The last day of a phase; a phase without an end date lasts one day."""
    return fase.einddatum or fase.begindatum


def periode(fase) -> str:
    """`5 oktober 2021`, or `1 september 2021 tot en met 15 september 2021`."""
    if einde(fase) == fase.begindatum:
        return datum(fase.begindatum)
    return f"{datum(fase.begindatum)} tot en met {datum(einde(fase))}"


def in_volgorde(fasen) -> list:
    return sorted(fasen, key=lambda f: (VOLGORDE.index(f.soort), f.begindatum))


def check_fase(fase, *, peildatum: datetime.date | None = None) -> dict:
    """The errors of one phase on its own, as {field: message}."""
    errors = {}
    if fase.einddatum and fase.begindatum and fase.einddatum < fase.begindatum:
        errors["einddatum"] = (
            f"De einddatum ({datum(fase.einddatum)}) ligt vóór de begindatum ({datum(fase.begindatum)})."
        )
    elif fase.soort in EENDAAGS and fase.einddatum and fase.einddatum != fase.begindatum:
        errors["einddatum"] = (
            f"{label(fase.soort)} is één dag: de datum van de collegevergadering. Laat de einddatum leeg."
        )
    if peildatum and fase.begindatum and "einddatum" not in errors and einde(fase) < peildatum:
        errors["begindatum"] = (
            f"{label(fase.soort)} eindigt vóór de peildatum ({datum(peildatum)}). Elke fase loopt tot op of na "
            "de peildatum: de voortgang gaat over de stand op die datum."
        )
    return errors


def check_volgorde(fasen) -> list[tuple[object, str, str]]:
    """The errors between phases, as (phase, field, message): a kind twice, or a phase before the end of the last."""
    errors = []
    gezien = {}
    for fase in in_volgorde(fasen):
        if fase.soort in gezien:
            errors.append(
                (fase, "soort", f"{label(fase.soort)} staat al in de planning. Elke fase komt één keer voor.")
            )
            continue
        vorige = next((gezien[s] for s in reversed(VOLGORDE[: VOLGORDE.index(fase.soort)]) if s in gezien), None)
        gezien[fase.soort] = fase
        if vorige is not None and fase.begindatum < einde(vorige):
            errors.append(
                (
                    fase,
                    "begindatum",
                    f"{label(fase.soort)} begint op {datum(fase.begindatum)}, vóór het einde van "
                    f"{label(vorige.soort).lower()} ({datum(einde(vorige))}). Een fase begint op of na de laatste "
                    "dag van de fase ervoor.",
                )
            )
    return errors


def huidige_fase(fasen, op: datetime.date):
    """The current phase at a date: the last one that has begun (None before the first begins)."""
    begonnen = [f for f in in_volgorde(fasen) if f.begindatum <= op]
    return begonnen[-1] if begonnen else None


def fase_van(fasen, soort: str):
    return next((f for f in fasen if f.soort == soort), None)


def inleverdatum(fasen) -> datetime.date | None:
    """By when trekkers deliver their voortgang: the last day of "voortgang uitvragen" (None when not planned)."""
    uitvragen = fase_van(fasen, FaseSoort.UITVRAGEN)
    return einde(uitvragen) if uitvragen else None


def afgeronde_soorten(fasen, *, vastgesteld: bool, openbaar: bool, ontbrekend: int) -> set[str]:
    """The phases that are done: marked so by the projectleider or evident from the edition itself.

    Voortgang uitvragen is done when no voortgang is missing; everything up to vaststelling when the edition is
    adopted; publicatie when it is also public. A phase before a finished phase is finished too.
    """
    klaar = {f.soort for f in fasen if f.afgerond_op}
    if ontbrekend == 0:
        klaar.add(FaseSoort.UITVRAGEN)
    if vastgesteld:
        klaar |= set(VOLGORDE[: VOLGORDE.index(FaseSoort.VASTSTELLING) + 1])
        if openbaar:
            klaar.add(FaseSoort.PUBLICATIE)
    if klaar:
        klaar |= set(VOLGORDE[: max(VOLGORDE.index(s) for s in klaar)])
    return klaar


def stand(fase, vandaag: datetime.date, *, klaar: set[str]) -> tuple[str, str]:
    """Where a phase stands today, as (key, word): afgerond, te_laat, bezig or gepland."""
    if fase.soort in klaar:
        return "afgerond", "Afgerond"
    if einde(fase) < vandaag:
        return "te_laat", "Over tijd"
    if fase.begindatum <= vandaag:
        return "bezig", "Bezig"
    return "gepland", "Gepland"


@dataclass(frozen=True)
class Signaal:
    """Something late in an edition's planning, for the start page."""

    soort: str  # TE_LAAT_FASE, TE_LAAT_VOORTGANG or TE_LAAT_OPMERKINGEN
    tekst: str


def signalen(
    fasen,
    vandaag: datetime.date,
    *,
    klaar: set[str],
    vastgesteld: bool,
    ontbrekend: int,
    open_opmerkingen: int,
    dagen_voor_college: int,
) -> list[Signaal]:
    """What is late: a phase past its end, voortgang missing after the deadline, open comments near the college."""
    result = []
    # Late voortgang is its own warning (with the number of inspanningen); of the other phases past their end, the
    # first one is where the edition is stuck: the ones after it are late because of it.
    over_tijd = [
        f for f in in_volgorde(fasen) if f.soort != FaseSoort.UITVRAGEN and f.soort not in klaar and einde(f) < vandaag
    ]
    if over_tijd:
        eerste, later = over_tijd[0], len(over_tijd) - 1
        werkwoord = "stond op" if einde(eerste) == eerste.begindatum else "liep tot en met"
        tekst = f"{label(eerste.soort)} {werkwoord} {datum(einde(eerste))} en is niet afgerond."
        if later:
            tekst += (
                f" Daardoor {'is ook 1 latere fase' if later == 1 else f'zijn ook {later} latere fasen'} over tijd."
            )
        result.append(Signaal(TE_LAAT_FASE, tekst))
    uiterlijk = inleverdatum(fasen)
    if not vastgesteld and ontbrekend and uiterlijk and uiterlijk < vandaag:
        wat = "inspanning" if ontbrekend == 1 else "inspanningen"
        result.append(
            Signaal(
                TE_LAAT_VOORTGANG,
                f"Van {ontbrekend} {wat} ontbreekt de voortgang; de uiterste datum was {datum(uiterlijk)}.",
            )
        )
    college = fase_van(fasen, FaseSoort.COLLEGE)
    if (
        college
        and open_opmerkingen
        and FaseSoort.COLLEGE not in klaar
        and vandaag >= college.begindatum - datetime.timedelta(days=dagen_voor_college)
    ):
        aantal = f"{open_opmerkingen} open opmerking{'' if open_opmerkingen == 1 else 'en'}"
        if college.begindatum >= vandaag:
            tekst = f"Nog {aantal}, en op {datum(college.begindatum)} gaat de editie naar het college."
        else:
            tekst = f"Nog {aantal}, terwijl de editie op {datum(college.begindatum)} naar het college zou gaan."
        result.append(Signaal(TE_LAAT_OPMERKINGEN, tekst))
    return result


def volgende_datum(fasen, vandaag: datetime.date, *, klaar: set[str]) -> tuple[datetime.date, str] | None:
    """The next date of the planning from today on, and what happens then (phases that are done have none)."""
    momenten = []  # (date, order on that day, text): the end of one phase comes before the begin of the next
    for fase in fasen:
        if fase.soort in klaar:
            continue
        volgorde = VOLGORDE.index(fase.soort)
        if einde(fase) == fase.begindatum:
            momenten.append((fase.begindatum, (volgorde, 0), label(fase.soort)))
        else:
            naam = label(fase.soort).lower()
            momenten.append((fase.begindatum, (volgorde, 0), f"begin van {naam}"))
            momenten.append((einde(fase), (volgorde, 1), f"einde van {naam}"))
    komend = sorted(m for m in momenten if m[0] >= vandaag)
    return (komend[0][0], komend[0][2]) if komend else None


def herinnermoment(uitvragen, vandaag: datetime.date, *, dagen_voor: int, dagen_na: int, college=None) -> str | None:
    """Which reminder is due today for a "voortgang uitvragen" phase: VOORAF, ACHTERAF or None.

    Vooraf from `dagen_voor` days before the deadline up to the deadline itself (never before the phase begins);
    achteraf from `dagen_na` days after it, until the college meeting (chasing after that no longer helps). A window
    instead of one exact day, so a run that was missed is made up the next day; each reminder still goes once.
    """
    uiterlijk = einde(uitvragen)
    if max(uitvragen.begindatum, uiterlijk - datetime.timedelta(days=dagen_voor)) <= vandaag <= uiterlijk:
        return VOORAF
    if vandaag >= uiterlijk + datetime.timedelta(days=dagen_na) and (college is None or vandaag < college.begindatum):
        return ACHTERAF
    return None

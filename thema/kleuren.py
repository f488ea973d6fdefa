"""The stoplight: four colours, each with a word, so colour is never the only carrier of meaning."""

import functools

from django.db import models


class Kleur(models.TextChoices):
    GROEN = "groen", "Groen"
    ORANJE = "oranje", "Oranje"
    ROOD = "rood", "Rood"
    GRIJS = "grijs", "Grijs"


class Dimensie(models.TextChoices):
    """The three things every inspanning is judged on at a peildatum."""

    INHOUD = "inhoud", "Inhoud"
    PLANNING = "planning", "Planning"
    FINANCIEN = "financien", "Financiën"


DIMENSIES = tuple(Dimensie.choices)  # (veld, label) pairs, in the order every page shows them
DIMENSIE_LABELS = dict(DIMENSIES)

# Order used for trends: a higher rank is worse. Grijs (not started / n.v.t.) has no rank.
RANG = {Kleur.GROEN: 0, Kleur.ORANJE: 1, Kleur.ROOD: 2}
# A deviation: it needs a toelichting (cause, consequence, bijsturing) and counts as "needs attention".
AFWIJKEND = frozenset({Kleur.ORANJE, Kleur.ROOD})


# How people write a colour in Word and Excel: the word in any case, or the letter of the municipality's documents.
_KLEUR_LETTERS = {"g": Kleur.GROEN, "o": Kleur.ORANJE, "r": Kleur.ROOD}
KLEUR_KEUZE = "kies groen, oranje, rood of grijs"


def kleur_uit_tekst(tekst) -> Kleur:
    """The colour meant by 'G', 'groen', 'Groen' or 'GROEN.'; ValueError with a Dutch message otherwise."""
    woord = str(tekst or "").strip().rstrip(".:;").strip().lower()
    if woord in Kleur.values:
        return Kleur(woord)
    if woord in _KLEUR_LETTERS:
        return _KLEUR_LETTERS[woord]
    if not woord:
        raise ValueError(f"de kleur ontbreekt; {KLEUR_KEUZE}")
    raise ValueError(f"kleur '{str(tekst).strip()}' bestaat niet; {KLEUR_KEUZE}")


def is_afwijkend(kleur: str | None) -> bool:
    return kleur in AFWIJKEND


def telkleur(kleur: str | None) -> str:
    """The colour an inspanning is counted under: no judgement yet counts as grijs (not started / not judged)."""
    return kleur or Kleur.GRIJS


def kleur_gewijzigd(vorige: str | None, huidige: str | None) -> bool:
    """Changed since the previous edition: only when there was a previous judgement to compare with."""
    return bool(vorige) and huidige != vorige


BETEKENIS = {
    "inhoud": {
        "groen": "Het resultaat wordt gehaald zoals afgesproken.",
        "oranje": "Het resultaat loopt risico; bijsturing is nodig.",
        "rood": "Het doel wordt niet gehaald zoals afgesproken; een bestuurlijke keuze is nodig.",
        "grijs": "Nog niet gestart of niet van toepassing.",
    },
    "planning": {
        "groen": "Op schema.",
        "oranje": "Vertraging verwacht, maar op te vangen.",
        "rood": "De afgesproken termijn is niet haalbaar of een mijlpaal is gemist.",
        "grijs": "Nog niet gestart of niet van toepassing.",
    },
    "financien": {
        "groen": "Binnen het beschikbare budget.",
        "oranje": "Overschrijding dreigt of dekking is onzeker, op te lossen binnen het programma.",
        "rood": "Overschrijding of geen dekking; een raadsbesluit is nodig.",
        "grijs": "Nog niet gestart of niet van toepassing.",
    },
}


def ergste(kleuren) -> str | None:
    """The worst judged colour (rood before oranje before groen); None when nothing was judged (only grijs)."""
    beoordeeld = [k for k in kleuren if k in RANG]
    return max(beoordeeld, key=RANG.__getitem__) if beoordeeld else None


def trend(vorige: str | None, huidige: str | None) -> str | None:
    """'beter', 'gelijk' or 'slechter' between two colours; None when there is nothing to compare."""
    if vorige not in RANG or huidige not in RANG:
        return None
    if RANG[huidige] < RANG[vorige]:
        return "beter"
    if RANG[huidige] > RANG[vorige]:
        return "slechter"
    return "gelijk"


def badge_html(kleur: str | None, dimensie: str | None = None):
    """A badge that carries the word as well as the colour (WCAG 1.4.1)."""
    return _badge(kleur or None, dimensie)


@functools.cache  # a handful of badges, thousands of times per report page and admin list
def _badge(kleur: str | None, dimensie: str | None):
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe

    if not kleur:
        return mark_safe('<span class="stoplicht stoplicht-leeg">geen oordeel</span>')  # noqa: S308 - constant
    woord = Kleur(kleur).label
    if dimensie:
        return format_html(
            '<span class="stoplicht stoplicht-{}"><span class="visually-hidden">{}: </span>{}</span>',
            kleur,
            DIMENSIE_LABELS[dimensie],
            woord,
        )
    return format_html('<span class="stoplicht stoplicht-{}">{}</span>', kleur, woord)

"""By when a trekker's voortgang is due: a question "Mijn inspanningen" asks but thema cannot answer itself.

The due dates come from the planning of the editions, in rapportage: a layer above thema, which thema must not
import. So that layer registers its answer here when the apps are ready (RapportageConfig.ready), the way a
receiver connects to a signal: thema defines what it needs, the layer above supplies it. Without a source nothing
is due, and the page shows no dates.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Uitvraag:
    """One request for voortgang: for which edition and peildatum, by when, and from which inspanningen (pks)."""

    titel: str
    peildatum: datetime.date
    uiterlijk: datetime.date
    ontbrekend: frozenset[int]


Bron = Callable[[Sequence, datetime.date], list[Uitvraag]]
_bronnen: list[Bron] = []


def register(bron: Bron) -> None:
    """Adds a source of requests; registering the same one again changes nothing."""
    if bron not in _bronnen:
        _bronnen.append(bron)


def uitvragen(inspanningen: Sequence, vandaag: datetime.date) -> list[Uitvraag]:
    """The open requests for voortgang that concern these inspanningen, the earliest deadline first."""
    alle = [u for bron in _bronnen for u in bron(inspanningen, vandaag)]
    return sorted((u for u in alle if u.ontbrekend), key=lambda u: (u.uiterlijk, u.titel))

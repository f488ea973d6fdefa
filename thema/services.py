"""Multi-step writes on the programme: saving a voortgang without overwriting what someone else saved meanwhile."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction

from thema.concurrency import lock_inspanningen, versie_van
from thema.models import Thema, Voortgang


def lock_current(voortgang: Voortgang) -> Voortgang | None:
    """Locks the voortgang's inspanning and its row for this peildatum, and returns that row (None if none yet).

    Call inside a transaction: the locks hold until it ends, so nobody saves between a check and the write.
    """
    lock_inspanningen([voortgang.inspanning_id])
    return (
        Voortgang.objects.select_for_update()
        .filter(inspanning_id=voortgang.inspanning_id, peildatum=voortgang.peildatum)
        .first()
    )


def voortgang_opslaan(voortgang: Voortgang, *, versie: str, door) -> Voortgang | None:
    """Writes the voortgang only if its row is still the version the person loaded (`versie`, '' for a new one).

    Returns None when saved; otherwise nothing is written and the current row is returned, so the person can
    see what someone else saved meanwhile.
    """
    with transaction.atomic():
        huidige = lock_current(voortgang)
        if huidige is not None and versie_van(huidige) != versie:
            return huidige
        if huidige is None:
            voortgang.pk = None  # also when the row was deleted meanwhile: nothing typed is lost
            voortgang.ingevoerd_op = None
            voortgang._state.adding = True
        if not voortgang.ingevoerd_door_id:
            voortgang.ingevoerd_door = door
        try:
            with transaction.atomic():
                voortgang.save()
        except IntegrityError:
            # Another writer created the same peildatum without holding our lock (e.g. the admin).
            return Voortgang.objects.get(inspanning_id=voortgang.inspanning_id, peildatum=voortgang.peildatum)
    return None


def vrije_code(thema: Thema, bezet: set[str]) -> str:
    """The next free code of a thema: A5 after A1-A4 (never one that is taken)."""
    patroon = re.compile(rf"^{re.escape(thema.code)}(\d+)$")
    nummers = [int(m.group(1)) for code in bezet if (m := patroon.match(code))]
    nummer = max(nummers, default=0) + 1
    while f"{thema.code}{nummer}" in bezet:
        nummer += 1
    return f"{thema.code}{nummer}"

"""Automatic reminders about missing voortgang, sent by `python manage.py herinneringen` (daily, from cron).

Which reminder is due is planning.herinnermoment; who misses what is selectors.ontbrekende_voortgang, the chase
list's rule. Each person gets each reminder (vooraf, achteraf) once per edition: a Herinnering row records it in
the same transaction as the mail, so a second run, or two at once, sends nothing again, and a mail that fails is
tried again on the next run.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from molenlanden.common.users import display_name
from rapportage import emails, planning
from rapportage.models import Fase, Herinnering, Rapportage
from rapportage.selectors import ontbrekende_voortgang

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Bericht:
    editie: Rapportage
    fase: Fase
    moment: str
    ontvanger: object
    inspanningen: tuple

    @property
    def codes(self) -> str:
        return ", ".join(i.code for i in self.inspanningen)


def _uitvragen_met_moment(vandaag: datetime.date) -> list[tuple[Rapportage, Fase, str]]:
    result = []
    edities = Rapportage.objects.exclude(status=Rapportage.Status.VASTGESTELD).select_related("vorige_editie")
    for editie in edities.prefetch_related("fasen").order_by("peildatum", "pk"):
        fasen = list(editie.fasen.all())
        uitvragen = planning.fase_van(fasen, planning.FaseSoort.UITVRAGEN)
        if uitvragen is None or uitvragen.afgerond_op:
            continue
        moment = planning.herinnermoment(
            uitvragen,
            vandaag,
            dagen_voor=settings.HERINNERING_DAGEN_VOOR,
            dagen_na=settings.HERINNERING_DAGEN_NA,
            college=planning.fase_van(fasen, planning.FaseSoort.COLLEGE),
        )
        if moment:
            result.append((editie, uitvragen, moment))
    return result


def te_versturen(vandaag: datetime.date) -> tuple[list[Bericht], list[Bericht]]:
    """The reminders due today and not sent yet: (to people with an e-mail address, to people without one)."""
    uitvragen = _uitvragen_met_moment(vandaag)
    ontbrekend = ontbrekende_voortgang([editie for editie, _, _ in uitvragen], met_trekkers=True)
    verstuurd = set(
        Herinnering.objects.filter(fase__in=[fase for _, fase, _ in uitvragen]).values_list(
            "fase_id", "ontvanger_id", "moment"
        )
    )
    met, zonder = [], []
    for editie, fase, moment in uitvragen:
        per_trekker: dict = {}
        for inspanning in ontbrekend[editie.pk]:
            for trekker in inspanning.trekkers.all():
                if trekker.is_active:
                    per_trekker.setdefault(trekker, []).append(inspanning)
        for trekker, inspanningen in sorted(per_trekker.items(), key=lambda item: display_name(item[0])):
            if (fase.pk, trekker.pk, moment) in verstuurd:
                continue
            bericht = Bericht(editie, fase, moment, trekker, tuple(inspanningen))
            (met if trekker.email else zonder).append(bericht)
    return met, zonder


def versturen(bericht: Bericht) -> bool:
    """Records and sends one reminder; False when it had been sent meanwhile. A failing mail records nothing."""
    try:
        with transaction.atomic():
            Herinnering.objects.create(
                fase=bericht.fase, ontvanger=bericht.ontvanger, moment=bericht.moment, inspanningen=bericht.codes
            )
            emails.automatische_herinnering(bericht)
    except IntegrityError:
        logger.info("herinnering al verstuurd: %s aan %s", bericht.fase, bericht.ontvanger.pk)
        return False
    return True

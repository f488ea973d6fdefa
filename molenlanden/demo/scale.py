"""The demo programme at scale: copies of every thema, inspanning (with voortgang) and dorpsactie.

For `make bench` and the query-count tests, which prove that pages read with the same number of queries at ten
times the data. The kernen stay the real twenty-one: ten times the programme has ten times the dorpsacties in the
same villages (issue 14's data set: 240 inspanningen with six voortgang periods, 300 dorpsacties over 21 kernen).
"""

from __future__ import annotations

import datetime

from django.db import models

from dorpen.models import Dorpsactie
from thema.models import Inspanning, Thema, Voortgang


def _kopie(obj: models.Model, **overrides) -> models.Model:
    """An unsaved copy of obj with its own (new) primary key."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    return type(obj)(**(values | overrides))


def multiply_demodata(factor: int, *, perioden: int | None = None) -> None:
    """After load_demodata(): adds factor-1 copies of every thema, inspanning (with voortgang) and dorpsactie; the
    copied dorpsacties stay in their kernen. With `perioden`, every inspanning gets earlier voortgang (copies of its
    first, a quarter apart) until it has that many periods."""
    if perioden:
        _eerdere_perioden(perioden)
    themas = list(Thema.objects.all())
    inspanningen = list(Inspanning.objects.all())
    voortgang = list(Voortgang.objects.all())
    acties = list(Dorpsactie.objects.all())
    for n in range(2, factor + 1):
        thema_map = dict(
            zip(
                [t.pk for t in themas],
                Thema.objects.bulk_create(
                    [_kopie(t, code=f"{t.code}-{n}", naam=f"{t.naam} {n}", slug=f"{t.slug}-{n}") for t in themas]
                ),
                strict=True,
            )
        )
        inspanning_map = dict(
            zip(
                [i.pk for i in inspanningen],
                Inspanning.objects.bulk_create(
                    [_kopie(i, code=f"{i.code}-{n}", thema_id=thema_map[i.thema_id].pk) for i in inspanningen]
                ),
                strict=True,
            )
        )
        Voortgang.objects.bulk_create(
            [_kopie(v, inspanning_id=inspanning_map[v.inspanning_id].pk, ingevoerd_door_id=None) for v in voortgang]
        )
        Dorpsactie.objects.bulk_create(
            [
                _kopie(a, titel=f"{a.titel} {n}", thema_id=thema_map[a.thema_id].pk if a.thema_id else None)
                for a in acties
            ]
        )


def _eerdere_perioden(perioden: int) -> None:
    eerste: dict[int, Voortgang] = {}
    aantal: dict[int, int] = {}
    for v in Voortgang.objects.order_by("peildatum"):
        eerste.setdefault(v.inspanning_id, v)
        aantal[v.inspanning_id] = aantal.get(v.inspanning_id, 0) + 1
    extra = []
    for inspanning_id, v in eerste.items():
        for k in range(1, perioden - aantal[inspanning_id] + 1):
            maand = v.peildatum.year * 12 + v.peildatum.month - 1 - 3 * k
            peildatum = datetime.date(maand // 12, maand % 12 + 1, 1)
            extra.append(_kopie(v, peildatum=peildatum, ingevoerd_door_id=None))
    Voortgang.objects.bulk_create(extra)

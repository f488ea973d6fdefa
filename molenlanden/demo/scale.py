"""The demo programme at scale: copies of every thema, inspanning (with voortgang), kern and dorpsactie.

For `make bench` and the query-count tests, which prove that pages read with the same number of queries at ten
times the data.
"""

from __future__ import annotations

from django.db import models

from dorpen.models import Dorpsactie, Kern
from thema.models import Inspanning, Thema, Voortgang


def _kopie(obj: models.Model, **overrides) -> models.Model:
    """An unsaved copy of obj with its own (new) primary key."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    return type(obj)(**(values | overrides))


def multiply_demodata(factor: int) -> None:
    """After load_demodata(): adds factor-1 copies of every thema, inspanning (with voortgang), kern and dorpsactie."""
    themas = list(Thema.objects.all())
    inspanningen = list(Inspanning.objects.all())
    voortgang = list(Voortgang.objects.all())
    kernen = list(Kern.objects.all())
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
        kern_map = dict(
            zip(
                [k.pk for k in kernen],
                Kern.objects.bulk_create([_kopie(k, naam=f"{k.naam} {n}", slug=f"{k.slug}-{n}") for k in kernen]),
                strict=True,
            )
        )
        Dorpsactie.objects.bulk_create(
            [
                _kopie(
                    a,
                    kern_id=kern_map[a.kern_id].pk,
                    thema_id=thema_map[a.thema_id].pk if a.thema_id else None,
                )
                for a in acties
            ]
        )

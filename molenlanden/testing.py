"""Helpers for tests: demo data at scale, and admin forms posted the way a browser would post them."""

from __future__ import annotations

import datetime

from django.db import models

from dorpen.models import Dorpsactie, Kern
from thema.models import Inspanning, Thema, Voortgang


def _kopie(obj: models.Model, **overrides) -> models.Model:
    """An unsaved copy of obj with its own (new) primary key."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    return type(obj)(**(values | overrides))


def vermenigvuldig_demodata(factor: int) -> None:
    """After laad_demodata(): adds factor-1 copies of every thema, inspanning (with voortgang), kern and dorpsactie."""
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


def admin_formulier(response) -> dict:
    """The POST data a browser sends for an admin add/change form as rendered: the form and all its inlines."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            data[bound.html_name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def voeg_inline_toe(data: dict, prefix: str, values: dict) -> None:
    """Adds one new inline form (as the admin's "add another" link does) with the given field values."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in values.items()})


def herstel_rollen() -> None:
    """Makes the role groups with their permissions again, as the migrations made them (idempotent).

    A transactional (browser) test empties every table when it ends, the groups from our data migrations
    included. Django's serialized_rollback cannot bring them back here: under Playwright's greenlet the test
    gets a different connection object, without the serialized copy. Content types and permissions come back
    by themselves (the flush sends post_migrate); the groups do not.
    """
    import importlib
    import pkgutil

    from django.contrib.auth.models import Group, Permission

    import molenlanden.migrations
    from molenlanden.migrations import _rechten

    for info in pkgutil.iter_modules(molenlanden.migrations.__path__):
        rechten = getattr(importlib.import_module(f"molenlanden.migrations.{info.name}"), "RECHTEN", {})
        _rechten.koppel(Group, Permission, rechten)


def formulier_data(response, form_name: str = "form") -> dict:
    """The POST data a browser sends for a (non-admin) form as rendered."""
    data = {}
    for bound in response.context[form_name]:
        value = bound.value()
        if value is not None:
            data[bound.html_name] = value.isoformat() if isinstance(value, datetime.date) else str(value)
    return data

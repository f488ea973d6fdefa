"""Two people editing one voortgang: every form carries the version it was loaded from, a stale save is refused.

The version is the row's `gewijzigd_op`. Writers lock in one order, first the inspanning, then its voortgang, so
the trekker's form and the admin never wait on each other the other way round (a deadlock on PostgreSQL).
"""

from __future__ import annotations

import datetime

from django import forms
from django.forms.models import model_to_dict
from django.utils.html import format_html, format_html_join

from molenlanden.common.formatting import datum, datumtijd
from molenlanden.common.richtext import html_to_text
from molenlanden.common.users import display_name
from thema.kleuren import badge_html
from thema.models import Inspanning, Voortgang


class VersieInput(forms.HiddenInput):
    """A hidden input no label points at: the admin prints a label for every field in a fieldset, hidden or not."""

    def id_for_label(self, id_):
        return ""


class VersieField(forms.CharField):
    """The hidden version a form was loaded from. Never a change by itself: it does not make a form 'changed'."""

    widget = VersieInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


def versie_van(voortgang: Voortgang | None) -> str:
    """The version a form was loaded from: the row's last-modified time ('' when there was no row)."""
    return voortgang.gewijzigd_op.isoformat() if voortgang and voortgang.gewijzigd_op else ""


def lock_inspanningen(pks) -> None:
    """Locks these inspanningen until the transaction ends: every writer of their voortgang waits for it.

    Locking the inspanning (not only the voortgang) also serialises two writers of a peildatum that has no row yet.
    """
    pks = sorted({pk for pk in pks if pk is not None})
    if pks:
        # order_by("pk"): a fixed lock order; the default ordering would also join (and lock) the thema.
        list(Inspanning.objects.select_for_update().filter(pk__in=pks).order_by("pk").values_list("pk", flat=True))


def loaded_values(voortgang: Voortgang, versie: str, fields, exclude) -> dict | None:
    """The form values of this voortgang as they were at `versie` (from its history); None when unknown."""
    try:
        gewijzigd_op = datetime.datetime.fromisoformat(versie)
    except (TypeError, ValueError):
        return None
    historisch = (
        Voortgang.history.filter(id=voortgang.pk, gewijzigd_op=gewijzigd_op, history_type__in=["+", "~"])
        .order_by("-history_id")
        .first()
    )
    return model_to_dict(historisch.instance, fields, exclude) if historisch else None


def last_saved_by(voortgang: Voortgang) -> str:
    laatste = voortgang.history.select_related("history_user").first()
    return display_name((laatste and laatste.history_user) or voortgang.ingevoerd_door)


def conflict_message(voortgang: Voortgang):
    """What someone else saved meanwhile, in Dutch: who, when, their colours and toelichtingen (safe HTML)."""
    regels = [
        (label, badge_html(kleur), f" — {html_to_text(toelichting)}" if html_to_text(toelichting) else "")
        for _, label, kleur, toelichting in voortgang.kleuren()
    ]
    if html_to_text(voortgang.bijsturing):
        regels.append(("Bijsturing", "", f" {html_to_text(voortgang.bijsturing)}"))
    return format_html(
        "Niet opgeslagen: er is intussen een andere versie opgeslagen. {} heeft de voortgang per {} opgeslagen op {}. "
        "Dit is wat er nu is opgeslagen:<ul>{}</ul>"
        "Uw invoer staat hieronder nog in het formulier. Neem over wat u van hun invoer wilt houden; "
        "slaat u opnieuw op, dan vervangt uw invoer die van hen.",
        last_saved_by(voortgang),
        datum(voortgang.peildatum),
        datumtijd(voortgang.gewijzigd_op),
        format_html_join("", "<li>{}: {}{}</li>", regels),
    )

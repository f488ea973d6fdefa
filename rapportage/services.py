"""Multi-step writes on editions. Each runs in one transaction: if any step fails, nothing changes."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from rapportage import planning, renders, review
from rapportage.models import Fase, Rapportage


@transaction.atomic
def vaststellen(
    editie: Rapportage,
    *,
    vastgesteld_op: datetime.date,
    vastgesteld_door: str,
    besluitnummer: str = "",
    openbaar: bool | None = None,
    override_reden: str = "",
    door=None,
) -> Rapportage:
    """Adopts an edition: checks the request, and has the background render freeze its structure as the snapshot
    and store the archival PDF with its SHA-256 (rapportage/renders.py): the edition becomes adopted together with
    its stored file. Returns the edition as it is now (adopted already when tasks run immediately).

    Only an edition in review without open comments, unless an override reason is given: it is recorded.
    """
    editie = Rapportage.objects.select_for_update().get(pk=editie.pk)
    if editie.is_vastgesteld:
        raise ValidationError("Deze editie is al vastgesteld en kan niet opnieuw worden vastgesteld.")
    override_reden = review.check_vaststellen(editie, override_reden)
    if not vastgesteld_door.strip():
        raise ValidationError("Vul in door wie de editie is vastgesteld.")
    renders.vaststellen_aanvragen(
        editie,
        {
            "vastgesteld_op": vastgesteld_op.isoformat(),
            "vastgesteld_door": vastgesteld_door.strip(),
            "besluitnummer": besluitnummer.strip(),
            "openbaar": openbaar,
            "override_reden": override_reden,
            "door_id": door.pk if door else None,
        },
    )
    return Rapportage.objects.get(pk=editie.pk)


def export_filename(editie: Rapportage, extensie: str) -> str:
    status = "vastgesteld" if editie.is_vastgesteld else "concept"
    return f"{editie.slug}-{editie.peildatum.isoformat()}-{status}.{extensie}"


def pdf_filename(editie: Rapportage) -> str:
    return export_filename(editie, "pdf")


@transaction.atomic
def editie_opslaan(editie: Rapportage) -> Rapportage:
    """Saves an edition; one without a chosen previous edition compares with the latest earlier one."""
    if editie.vorige_editie_id is None and editie.peildatum:
        editie.vorige_editie = (
            Rapportage.objects.filter(peildatum__lt=editie.peildatum)
            .exclude(pk=editie.pk)
            .order_by("-peildatum")
            .first()
        )
    editie.save()
    return editie


@transaction.atomic
def planning_opslaan(editie: Rapportage, fasen: list[Fase]) -> list[Fase]:
    """Adds phases to an edition's planning, checked by the same rules as in the admin (rapportage/planning.py)."""
    editie = Rapportage.objects.select_for_update().get(pk=editie.pk)
    for fase in fasen:
        fase.rapportage = editie
        fase.full_clean()
    fouten = planning.check_volgorde([*editie.fasen.all(), *fasen])
    if fouten:
        raise ValidationError([melding for _, _, melding in fouten])
    for fase in fasen:
        fase.save()  # one by one, so each phase starts its change history
    return fasen

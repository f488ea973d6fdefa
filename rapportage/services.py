"""Multi-step writes on editions. Each runs in one transaction: if any step fails, nothing changes."""

from __future__ import annotations

import datetime
import hashlib

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from rapportage import pdf, planning, review
from rapportage.builder import build_structuur, structuur_hash
from rapportage.models import Fase, Rapportage

PDF_CACHE_SECONDS = 7 * 24 * 3600


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
    """Adopts an edition: freezes its structure as the snapshot and stores the archival PDF with its SHA-256.

    Only an edition in review without open comments, unless an override reason is given: it is recorded.
    """
    editie = Rapportage.objects.select_for_update().get(pk=editie.pk)
    if editie.is_vastgesteld:
        raise ValidationError("Deze editie is al vastgesteld en kan niet opnieuw worden vastgesteld.")
    override_reden = review.check_vaststellen(editie, override_reden)
    if not vastgesteld_door.strip():
        raise ValidationError("Vul in door wie de editie is vastgesteld.")
    editie.status = Rapportage.Status.VASTGESTELD
    editie.vastgesteld_op = vastgesteld_op
    editie.vastgesteld_door = vastgesteld_door.strip()
    editie.besluitnummer = besluitnummer.strip()
    if openbaar is not None:
        editie.openbaar = openbaar
    structuur = build_structuur(editie)
    inhoud = pdf.render_pdf(structuur)  # a failure here raises, and the transaction leaves the edition as it was
    editie.snapshot = structuur
    editie.pdf_sha256 = hashlib.sha256(inhoud).hexdigest()
    editie.pdf.save(f"{editie.slug}-{vastgesteld_op.isoformat()}.pdf", ContentFile(inhoud), save=False)
    try:
        editie.save()
    except Exception:
        editie.pdf.delete(save=False)
        raise
    review.log_vaststellen(editie, door=door, override_reden=override_reden)
    return editie


def get_pdf(editie: Rapportage) -> bytes:
    """The stored file of an adopted edition, byte for byte; a concept's PDF rendered only when its content changed."""
    if editie.is_vastgesteld and editie.pdf:
        with editie.pdf.open("rb") as f:
            return f.read()
    structuur = build_structuur(editie)
    key = f"rapportage-pdf:{structuur_hash(structuur)}"
    inhoud = cache.get(key)
    if inhoud is None:
        inhoud = pdf.render_pdf(structuur)
        cache.set(key, inhoud, PDF_CACHE_SECONDS)
    return inhoud


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

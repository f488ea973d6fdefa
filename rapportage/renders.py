"""The PDF of an edition, made in the background (Django's tasks framework; `manage.py db_worker` runs them).

No request renders a PDF. A change to what a concept shows schedules a render (rapportage/signals.py); a burst of
changes schedules one, which waits PDF_RENDER_UITSTEL seconds. The worker writes the file whole under a new name and
only then points the edition at it, so a worker that dies mid-render leaves the previous PDF in place; the next
render takes over a render that has been "bezig" too long. Adopting an edition (vaststellen) goes the same way: the
edition becomes adopted together with its stored PDF, in one transaction, once the PDF is made.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone

from rapportage import pagina, pdf, review
from rapportage.builder import build_structuur
from rapportage.models import PdfRender, Rapportage
from rapportage.selectors import get_structuur, inhoud_sleutel

logger = logging.getLogger(__name__)
VASTLOPEN = datetime.timedelta(minutes=30)  # a render "bezig" this long belongs to a worker that died


def status_van(editie: Rapportage) -> PdfRender:
    """The state of the edition's PDF (one query; an unsaved "nieuw" state when none was ever scheduled)."""
    return PdfRender.objects.filter(editie=editie).first() or PdfRender(editie=editie)


def is_actueel(render: PdfRender, editie: Rapportage, sleutel: str | None = None) -> bool:
    """Whether the stored PDF shows what the edition shows now."""
    return bool(render.bestand) and render.inhoudssleutel == (sleutel or inhoud_sleutel(editie))


def plannen(edities) -> None:
    """Schedules a render of each edition that is not adopted, unless one is already waiting (a burst: one render)."""
    nu = timezone.now()
    for editie in edities:
        if editie.is_vastgesteld:
            continue
        PdfRender.objects.get_or_create(editie=editie)
        gepland = PdfRender.objects.filter(editie=editie).exclude(status=PdfRender.Status.GEPLAND)
        if gepland.update(status=PdfRender.Status.GEPLAND, gepland_op=nu, voortgang=0):
            _enqueue(editie.pk, uitstel=settings.PDF_RENDER_UITSTEL)


def plannen_na_wijziging(**kwargs) -> None:
    """Signal receiver: after the transaction of a change, every concept's PDF is scheduled again (once for all the
    changes of one transaction: an import of a thousand rows schedules one render per concept)."""
    if kwargs.get("raw"):
        return
    if not any(functie is _alle_concepten_plannen for _, functie, _ in connection.run_on_commit):
        transaction.on_commit(_alle_concepten_plannen)


def _alle_concepten_plannen() -> None:
    plannen(Rapportage.objects.exclude(status=Rapportage.Status.VASTGESTELD))


def nu_plannen(editie: Rapportage) -> PdfRender:
    """For a download of a PDF that is not current and not on its way (e.g. after a bulk update): schedule it now."""
    render, _ = PdfRender.objects.get_or_create(editie=editie)
    if not render.wordt_gemaakt or _vastgelopen(render):
        PdfRender.objects.filter(pk=render.pk).update(status=PdfRender.Status.GEPLAND, gepland_op=timezone.now())
        _enqueue(editie.pk, uitstel=0)
        render.refresh_from_db()
    return render


def vaststellen_aanvragen(editie: Rapportage, gegevens: dict) -> None:
    """Vaststellen, step one (in the caller's transaction): record the request and schedule its render."""
    render, _ = PdfRender.objects.get_or_create(editie=editie)
    render.vaststellen = gegevens
    render.status, render.gepland_op, render.voortgang = PdfRender.Status.GEPLAND, timezone.now(), 0
    render.save()
    _enqueue(editie.pk, uitstel=0)


def _enqueue(editie_id: int, *, uitstel: int) -> None:
    from rapportage.tasks import pdf_maken

    taak = pdf_maken
    if uitstel and taak.get_backend().supports_defer:
        taak = taak.using(run_after=timezone.now() + datetime.timedelta(seconds=uitstel))
    taak.enqueue(editie_id)


def _vastgelopen(render: PdfRender) -> bool:
    return render.status == PdfRender.Status.BEZIG and (
        render.gestart_op is None or render.gestart_op < timezone.now() - VASTLOPEN
    )


def _voortgang(editie_id: int, procent: int) -> None:
    PdfRender.objects.filter(pk=editie_id).update(voortgang=procent)


def maken(editie_id: int) -> str:
    """The task's work: render, store the file whole, then point the edition at it (or adopt it)."""
    with transaction.atomic():
        render = PdfRender.objects.select_for_update().filter(pk=editie_id).first()
        if render is None:
            return "verdwenen"
        if render.status == PdfRender.Status.BEZIG and not _vastgelopen(render):
            return "al bezig"  # another worker renders it; the change that scheduled this is in its content
        gestart = timezone.now()
        PdfRender.objects.filter(pk=editie_id).update(
            status=PdfRender.Status.BEZIG, gestart_op=gestart, voortgang=5, melding=""
        )
    editie = Rapportage.objects.select_related("vorige_editie").get(pk=editie_id)
    aanvraag = render.vaststellen
    try:
        if aanvraag and not editie.is_vastgesteld:
            _vaststellen(editie, aanvraag)
            return "vastgesteld"
        if editie.is_vastgesteld:
            PdfRender.objects.filter(pk=editie_id).update(status=PdfRender.Status.KLAAR, voortgang=100)
            return "vastgesteld"
        _concept(editie, gestart)
        return "klaar"
    except Exception as fout:
        logger.exception("PDF of %s failed", editie.slug)
        PdfRender.objects.filter(pk=editie_id).update(
            status=PdfRender.Status.MISLUKT, melding=str(fout)[:2000], vaststellen=None, klaar_op=timezone.now()
        )
        raise


def _concept(editie: Rapportage, gestart) -> None:
    sleutel = inhoud_sleutel(editie)
    _voortgang(editie.pk, 10)
    pagina.opwarmen(editie, sleutel)  # the page of this content, too: no reader waits for its first render
    _voortgang(editie.pk, 15)
    inhoud = pdf.render_pdf(get_structuur(editie, sleutel))
    _voortgang(editie.pk, 90)
    naam = _bewaar(f"concepten/{editie.slug}-{sleutel[:16]}.pdf", inhoud)
    with transaction.atomic():
        render = PdfRender.objects.select_for_update().get(pk=editie.pk)
        oud = render.bestand.name
        render.bestand.name, render.inhoudssleutel = naam, sleutel
        render.sha256, render.klaar_op, render.voortgang = hashlib.sha256(inhoud).hexdigest(), timezone.now(), 100
        if render.status == PdfRender.Status.BEZIG and render.gestart_op == gestart:
            render.status = PdfRender.Status.KLAAR  # else a change came in meanwhile and its render is scheduled
        render.save()
        if oud and oud != naam:
            transaction.on_commit(lambda: render.bestand.storage.delete(oud))


def _vaststellen(editie: Rapportage, aanvraag: dict) -> None:
    """Adopts the edition with its PDF in one transaction; a failure leaves it as it was (and no file behind).

    The render runs outside the transaction (it may take minutes); the adoption itself is one short write.
    """
    _voortgang(editie.pk, 15)
    editie.status = Rapportage.Status.VASTGESTELD
    editie.vastgesteld_op = datetime.date.fromisoformat(aanvraag["vastgesteld_op"])
    editie.vastgesteld_door = aanvraag["vastgesteld_door"]
    editie.besluitnummer = aanvraag["besluitnummer"]
    if aanvraag["openbaar"] is not None:
        editie.openbaar = aanvraag["openbaar"]
    structuur = build_structuur(editie)
    inhoud = pdf.render_pdf(structuur)
    _voortgang(editie.pk, 90)
    naam = _bewaar(f"rapportages/{editie.slug}-{editie.vastgesteld_op.isoformat()}.pdf", inhoud)
    try:
        with transaction.atomic():
            if Rapportage.objects.select_for_update().filter(pk=editie.pk).vastgesteld().exists():
                raise RuntimeError("Deze editie is intussen al vastgesteld.")
            editie.snapshot, editie.pdf_sha256, editie.pdf.name = structuur, hashlib.sha256(inhoud).hexdigest(), naam
            editie.save()
            door = _gebruiker(aanvraag.get("door_id"))
            review.log_vaststellen(editie, door=door, override_reden=aanvraag["override_reden"])
            transaction.on_commit(lambda: pagina.opwarmen(editie, inhoud_sleutel(editie)))
            PdfRender.objects.filter(pk=editie.pk).update(
                status=PdfRender.Status.KLAAR, voortgang=100, klaar_op=timezone.now(), vaststellen=None
            )
    except Exception:
        editie.pdf.storage.delete(naam)
        raise


def _gebruiker(pk):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk).first() if pk else None


def _bewaar(naam: str, inhoud: bytes) -> str:
    """Stores a whole file under a new name. On a local disk: a temporary file renamed into place (atomic)."""
    opslag = PdfRender._meta.get_field("bestand").storage
    naam = opslag.get_available_name(naam)
    try:
        doel = Path(opslag.path(naam))
    except NotImplementedError:  # an object store writes an object whole or not at all
        return opslag.save(naam, ContentFile(inhoud))
    doel.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=doel.parent, prefix=".render-", suffix=".tmp", delete=False) as tijdelijk:
        tijdelijk.write(inhoud)
        tijdelijk.flush()
        os.fsync(tijdelijk.fileno())
    os.replace(tijdelijk.name, doel)
    return naam

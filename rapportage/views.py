from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Value, When
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe

from molenlanden.common.bestanden import serve_file
from molenlanden.common.xlsx import XLSX_CONTENT_TYPE
from rapportage import export, pagina, renders, review_pagina, selectors
from rapportage.models import Rapportage
from rapportage.review_forms import OordeelForm
from rapportage.services import export_filename, pdf_filename


def with_readable_editie(view):
    """Loads the edition by slug and passes it on if this user may read it."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        # The snapshot of an adopted edition (megabytes at ten times the programme) only when a view reads it.
        editie = get_object_or_404(Rapportage.objects.select_related("vorige_editie").defer("snapshot"), slug=slug)
        if not editie.readable_by(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, editie, *args, **kwargs)

    return wrapped


def lijst(request):
    """The college's landing: adopted editions first (newest decision first), then concepts by peildatum."""
    edities = (
        Rapportage.objects.visible_to(request.user)
        .select_related("vorige_editie")
        .annotate(concept=Case(When(status=Rapportage.Status.VASTGESTELD, then=Value(0)), default=Value(1)))
        .order_by("concept", F("vastgesteld_op").desc(nulls_last=True), "-peildatum")
    )
    return render(request, "rapportage/lijst.html", {"edities": edities})


@with_readable_editie
def detail(request, editie):
    sleutel = selectors.inhoud_sleutel(editie)
    if selectors.neemt_deel_aan_review(editie, request.user):
        return _review_pagina(request, editie, sleutel)
    if not pagina.voor_iedereen_gelijk(request, editie):
        return _leespagina(request, editie, sleutel)
    # The same page for every reader without a session: kept whole in the process, nothing else done for it.
    response = HttpResponse(
        pagina.openbare_pagina(editie, sleutel, lambda: _leespagina(request, editie, sleutel).content)
    )
    patch_vary_headers(response, ["Cookie"])  # as the rendered page has: a logged-in reader gets another page
    return response


def _review_pagina(request, editie, sleutel: str):
    review = selectors.review_state(editie, request.user)
    review["oordeel_form"] = OordeelForm.voor(review["mijn_oordeel"])
    review["melding_blokken"] = review_pagina.melding_blokken(request)
    rapport = review_pagina.invullen(pagina.review_html(editie, sleutel), review, request, editie)
    return _pagina(request, editie, sleutel, rapport, review)


def _leespagina(request, editie, sleutel: str):
    """The report as everyone reads it: rendered once per content, put into the page as it is kept."""
    return _pagina(request, editie, sleutel, pagina.rapport_utf8(editie, sleutel))


def _pagina(request, editie, sleutel: str, rapport: bytes, review: dict | None = None):
    """The page around the report; the report itself (UTF-8, a megabyte at ten times the programme) goes in
    afterwards as it is, not through the template."""
    context = {
        "structuur": {"editie": pagina.editie_kop(editie, sleutel)},
        "review": review,
        "rapport_plek": mark_safe(pagina.PLEK),  # noqa: S308 (a constant)
        "editie": editie,
        "pdf": pdf_toestand(editie, sleutel),
    }
    return pagina.met_rapport(render(request, "rapportage/detail.html", context), rapport)


@with_readable_editie
def pdf(request, editie):
    """The stored PDF when it shows what the edition shows now; else a page (202) that follows its render."""
    if editie.is_vastgesteld and editie.pdf:
        return _stored_pdf(request, editie, editie.pdf, editie.pdf_sha256)
    stand = renders.status_van(editie)
    if renders.is_actueel(stand, editie):
        return _stored_pdf(request, editie, stand.bestand, stand.sha256)
    stand = renders.nu_plannen(editie)
    if renders.is_actueel(stand, editie):  # tasks that run immediately (development, tests) are done already
        return _stored_pdf(request, editie, stand.bestand, stand.sha256)
    context = {"editie": editie, "pdf": {"render": stand, "actueel": False}, "wachtpagina": True}
    return render(request, "rapportage/pdf_wachten.html", context, status=202)


@with_readable_editie
def pdf_status(request, editie):
    """The PDF's state, polled by htmx while a render is under way: on the waiting page it leads to the file."""
    wachtpagina = "wachten" in request.GET
    context = {"editie": editie, "pdf": pdf_toestand(editie), "wachtpagina": wachtpagina}
    response = render(request, "rapportage/_pdf_status.html", context)
    if wachtpagina and context["pdf"]["actueel"]:
        response["HX-Redirect"] = reverse("rapportage:pdf", args=[editie.slug])
    return response


def pdf_toestand(editie, sleutel: str | None = None) -> dict:
    if editie.is_vastgesteld:
        return {"render": None, "actueel": bool(editie.pdf)}
    render = renders.status_van(editie)
    return {"render": render, "actueel": renders.is_actueel(render, editie, sleutel)}


def _stored_pdf(request, editie, bestand, sha256):
    # Adopted and public never changes and anyone may read it: every cache may keep it. Anything else stays
    # in the reader's own browser only, and is checked again (a concept's PDF changes with its content).
    openbaar = editie.is_vastgesteld and editie.openbaar
    return serve_file(
        request,
        bestand,
        etag=sha256 or bestand.name,
        last_modified=bestand.storage.get_modified_time(bestand.name),
        content_type="application/pdf",
        filename=pdf_filename(editie),
        cache_control="public, max-age=31536000, immutable" if openbaar else "private, no-cache",
    )


@with_readable_editie
def export_xlsx(request, editie):
    inhoud = export.structuur_xlsx(selectors.get_structuur(editie))
    response = HttpResponse(inhoud, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(editie, "xlsx")}"'
    return response


@with_readable_editie
def export_json(request, editie):
    response = HttpResponse(export.structuur_json(selectors.get_structuur(editie)), content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="{export_filename(editie, "json")}"'
    response["Link"] = f'<{reverse("rapportage:schema")}>; rel="describedby"'
    return response


def schema(request):
    """The published, versioned JSON Schema of the edition's JSON: open data needs its description."""
    return FileResponse(export.SCHEMA_PAD.open("rb"), content_type="application/schema+json")

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Value, When
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from molenlanden.common.xlsx import XLSX_CONTENT_TYPE
from rapportage import export, selectors
from rapportage.models import Rapportage
from rapportage.rendering import render_context
from rapportage.review_forms import OordeelForm
from rapportage.services import export_filename, get_pdf, pdf_filename


def with_readable_editie(view):
    """Loads the edition by slug and passes it on if this user may read it."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        editie = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
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
    structuur = selectors.get_structuur(editie)
    review = selectors.review_state(editie, request.user, structuur)
    if review is not None:
        review["oordeel_form"] = OordeelForm.voor(review["mijn_oordeel"])
    context = render_context(structuur) | {"editie": editie, "review": review}
    return render(request, "rapportage/detail.html", context)


@with_readable_editie
def pdf(request, editie):
    response = HttpResponse(get_pdf(editie), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(editie)}"'
    return response


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

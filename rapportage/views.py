from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from rapportage.models import Rapportage
from rapportage.rendering import render_context
from rapportage.review_views import review_context
from rapportage.services import get_pdf, get_structuur, pdf_filename


def with_readable_editie(view):
    """Loads the edition by slug and passes it on if this user may read it (DESIGN.md, "Roles")."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        rapportage = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
        if not rapportage.readable_by(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, rapportage, *args, **kwargs)

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
def detail(request, rapportage):
    structuur = get_structuur(rapportage)
    context = render_context(structuur) | {
        "rapportage": rapportage,
        "review": review_context(rapportage, request.user, structuur),
    }
    return render(request, "rapportage/detail.html", context)


@with_readable_editie
def pdf(request, rapportage):
    response = HttpResponse(get_pdf(rapportage), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(rapportage)}"'
    return response

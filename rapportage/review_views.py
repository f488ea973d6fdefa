"""The review of a draft edition in the browser: comments on the real report page, verdicts, the overview, chasing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, rol_required
from rapportage import planning, plekken, review, selectors
from rapportage.models import Beoordeling, Herinnering, Opmerking, Rapportage
from rapportage.review_forms import NotitieForm, OordeelForm, OpmerkingForm, TerReviewForm


def _redirect_back(editie, anker="review"):
    return redirect(f"{editie.get_absolute_url()}#{anker or 'review'}")


def _melding(request, niveau, tekst: str, blok: str | None) -> None:
    # Tagged with the block of the report page it is about: that block shows it in a live region, so it is right
    # there after an htmx swap (which takes only that block from the page) and after a redirect to its anchor.
    messages.add_message(request, niveau, tekst, extra_tags=f"review:{blok or 'review'}" if blok is not None else "")


def _fouten(request, fout, blok: str | None = None):
    teksten = fout.messages if isinstance(fout, ValidationError) else [e for v in fout.values() for e in v]
    _melding(request, messages.ERROR, " ".join(teksten), blok)


@rol_required(REDACTIE, PROJECTLEIDER)
def opmerking_nieuw(request, slug):
    """The comment form of one place, loaded when the reader opens it: the report page carries a link per place,
    not hundreds of forms. htmx takes the bare form into the page; without JavaScript it is a page of its own."""
    editie = get_object_or_404(Rapportage, slug=slug)
    if editie.status != Rapportage.Status.TER_REVIEW:
        context = {"editie": editie, "formulier": None}
    else:
        structuur = selectors.get_structuur(editie, selectors.inhoud_sleutel(editie))
        formulier = plekken.formulier(
            structuur, plek=request.GET.get("plek", ""), inspanning=request.GET.get("inspanning", "")
        )
        if formulier is None:
            raise Http404("Die plek staat niet in deze editie.")
        context = {"editie": editie, "formulier": formulier}
    sjabloon = (
        "rapportage/review/_opmerking_form.html"
        if request.headers.get("HX-Request")
        else "rapportage/review/opmerking_nieuw.html"
    )
    response = render(request, sjabloon, context)
    patch_vary_headers(response, ["HX-Request"])  # the same address answers a fragment or a page
    return response


@rol_required(REDACTIE, PROJECTLEIDER)
@require_POST
def opmerking_plaatsen(request, slug):
    editie = get_object_or_404(Rapportage, slug=slug)
    form = OpmerkingForm(request.POST)
    if not form.is_valid():
        blok = form.cleaned_data.get("terug", "")
        _fouten(request, form.errors, blok)
        return _redirect_back(editie, blok)
    blok = form.cleaned_data["terug"]  # the block the form sits in; an error is shown there
    try:
        opmerking = review.opmerking_plaatsen(
            editie,
            auteur=request.user,
            tekst=form.cleaned_data["tekst"],
            plek=form.cleaned_data["plek"],
            structuur=selectors.get_structuur(editie, selectors.inhoud_sleutel(editie)),
            parent_id=form.cleaned_data["parent"],
        )
    except ValidationError as fout:
        _fouten(request, fout, blok)
        return _redirect_back(editie, blok)
    blok = opmerking.blok_id
    _melding(request, messages.SUCCESS, f"Uw {'reactie' if opmerking.parent_id else 'opmerking'} is geplaatst.", blok)
    return _redirect_back(editie, blok)


@rol_required(PROJECTLEIDER)
@require_POST
def opmerking_oplossen(request, slug, pk):
    opmerking = get_object_or_404(Opmerking.objects.select_related("rapportage"), rapportage__slug=slug, pk=pk)
    blok = opmerking.blok_id
    try:
        review.opmerking_oplossen(opmerking, door=request.user)
    except ValidationError as fout:
        _fouten(request, fout, blok)
    else:
        _melding(request, messages.SUCCESS, f"De opmerking over {opmerking.plek_label} is opgelost.", blok)
    return _redirect_back(opmerking.rapportage, blok)


@rol_required(REDACTIE)
@require_POST
def oordeel_geven(request, slug):
    editie = get_object_or_404(Rapportage, slug=slug)
    form = OordeelForm(request.POST)
    if not form.is_valid():
        _fouten(request, form.errors, "review-oordeel")
        return _redirect_back(editie, "review-oordeel")
    try:
        beoordeling = review.oordeel_geven(editie, redacteur=request.user, **form.cleaned_data)
    except ValidationError as fout:
        _fouten(request, fout, "review-oordeel")
    else:
        tekst = f"Uw oordeel is vastgelegd: {beoordeling.get_oordeel_display().lower()}."
        _melding(request, messages.SUCCESS, tekst, "review-oordeel")
    return _redirect_back(editie, "review-oordeel")


@rol_required(PROJECTLEIDER)
@require_POST
def ter_review_sturen(request, slug):
    editie = get_object_or_404(Rapportage, slug=slug)
    form = TerReviewForm(request.POST)
    if form.is_valid():
        try:
            editie = review.ter_review_sturen(editie, door=request.user, notitie=form.cleaned_data["notitie"])
        except ValidationError as fout:
            _fouten(request, fout)
        else:
            messages.success(request, f"De editie ligt ter review (ronde {editie.review_ronde}).")
    else:
        _fouten(request, form.errors)
    return redirect("rapportage:review", slug)


@rol_required(PROJECTLEIDER)
@require_POST
def terug_naar_concept(request, slug):
    editie = get_object_or_404(Rapportage, slug=slug)
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            review.terug_naar_concept(editie, door=request.user, notitie=form.cleaned_data["notitie"])
        except ValidationError as fout:
            _fouten(request, fout)
        else:
            messages.success(request, "De editie is terug naar concept. De redactiegroep heeft uw notitie gekregen.")
    else:
        _fouten(request, form.errors)
    return redirect("rapportage:review", slug)


@rol_required(PROJECTLEIDER)
def overzicht(request, slug):
    editie = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    context = selectors.review_overzicht(editie) | {
        "editie": editie,
        "ter_review_form": TerReviewForm(),
        "terug_form": NotitieForm(),
        "akkoord": Beoordeling.Oordeel.AKKOORD,
    }
    return render(request, "rapportage/review/overzicht.html", context)


@rol_required(PROJECTLEIDER)
def achterstand(request, slug):
    editie = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    context = {
        "editie": editie,
        "achterstand": selectors.achterstand(editie),
        "uiterlijk": planning.inleverdatum(editie.fasen.all()),
        "vandaag": timezone.localdate(),
        "herinneringen": editie.review_gebeurtenissen.filter(soort="herinnering").select_related("door"),
        "automatisch": Herinnering.objects.filter(fase__rapportage=editie).select_related("ontvanger"),
    }
    return render(request, "rapportage/review/achterstand.html", context)


@rol_required(PROJECTLEIDER)
@require_POST
def herinneren(request, slug):
    editie = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    lijst = selectors.achterstand(editie)
    if not lijst:
        messages.info(request, "Er is geen voortgang meer die ontbreekt: er is niemand om te herinneren.")
        return redirect("rapportage:achterstand", slug)
    aantal, zonder = review.remind_trekkers(editie, door=request.user, achterstand=lijst)
    messages.success(request, f"{aantal} herinnering{'' if aantal == 1 else 'en'} verstuurd.")
    if zonder:
        messages.warning(
            request, f"Geen e-mailadres bekend van: {', '.join(zonder)}. Herinner hen op een andere manier."
        )
    return redirect(reverse("rapportage:achterstand", args=[slug]))

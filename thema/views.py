import copy
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from js_asset import Media

from molenlanden.common.formatting import datum
from molenlanden.common.roles import ALLE_ROLLEN, PROJECTLEIDER, TREKKER, has_rol, rol_required
from thema import inlevering
from thema.concurrency import last_saved_by, versie_van
from thema.forms import VoortgangForm
from thema.history import build_tijdlijn
from thema.models import Inspanning, Voortgang
from thema.services import voortgang_opslaan


def may_enter_voortgang(user, inspanning) -> bool:
    """The projectleider adds voortgang everywhere, a trekker only on their own inspanningen."""
    if has_rol(user, PROJECTLEIDER):
        return True
    return has_rol(user, TREKKER) and any(t.pk == user.pk for t in inspanning.trekkers.all())


def _inspanning_voor_invoer(request, code) -> Inspanning:
    inspanning = get_object_or_404(Inspanning.objects.select_related("thema"), code=code)
    if not may_enter_voortgang(request.user, inspanning):
        raise PermissionDenied
    return inspanning


@rol_required(TREKKER, PROJECTLEIDER)
def mijn_inspanningen(request):
    inspanningen = Inspanning.objects.select_related("thema").met_laatste_voortgang()
    alle = has_rol(request.user, PROJECTLEIDER)
    if not alle:
        inspanningen = inspanningen.van_trekker(request.user)
    inspanningen = list(inspanningen)
    vandaag = timezone.localdate()
    uitvragen = inlevering.uitvragen(inspanningen, vandaag)
    for inspanning in inspanningen:
        # The earliest request this inspanning still owes voortgang for: its row shows by when.
        inspanning.uitvraag = next((u for u in uitvragen if inspanning.pk in u.ontbrekend), None)
    context = {"inspanningen": inspanningen, "alle": alle, "uitvragen": uitvragen, "vandaag": vandaag}
    return render(request, "thema/mijn_inspanningen.html", context)


@rol_required(*ALLE_ROLLEN)
def tijdlijn(request, code):
    inspanning = get_object_or_404(Inspanning.objects.select_related("thema").prefetch_related("trekkers"), code=code)
    context = {
        "inspanning": inspanning,
        "voortgang": inspanning.voortgang.select_related("ingevoerd_door"),
        "mijlpalen": _mijlpalen(inspanning, timezone.localdate()),
        "gebeurtenissen": build_tijdlijn(inspanning),
        "may_enter_voortgang": may_enter_voortgang(request.user, inspanning),
    }
    return render(request, "thema/tijdlijn.html", context)


def _mijlpalen(inspanning, vandaag) -> list[dict]:
    """The current mijlpalen, planned first, each with whether it is missed today (one query)."""
    return [{"mijlpaal": m, "gemist": m.gemist_op(vandaag)} for m in inspanning.mijlpalen.all()]


@rol_required(TREKKER, PROJECTLEIDER)
def voortgang_nieuw(request, code):
    inspanning = _inspanning_voor_invoer(request, code)
    if request.method == "POST":
        form = VoortgangForm(request.POST, instance=Voortgang(inspanning=inspanning), nieuw=True)
        return _save(request, inspanning, form)
    peildatum = _gevraagde_peildatum(request) or timezone.localdate()
    bestaande = inspanning.voortgang.filter(peildatum=peildatum).first()
    if bestaande is not None:
        return redirect("thema:voortgang_wijzigen", code=inspanning.code, peildatum=bestaande.peildatum)
    form = VoortgangForm.voorgevuld(inspanning, vorige=inspanning.voortgang.first(), peildatum=peildatum)
    return _formulier(request, inspanning, form)


def _gevraagde_peildatum(request):
    """The peildatum an edition asks voortgang for (?peildatum=2021-09-01 from "Mijn inspanningen"), if valid."""
    try:
        return datetime.date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return None


@rol_required(TREKKER, PROJECTLEIDER)
def voortgang_wijzigen(request, code, peildatum):
    inspanning = _inspanning_voor_invoer(request, code)
    voortgang = get_object_or_404(inspanning.voortgang, peildatum=peildatum)
    if request.method == "POST":
        return _save(request, inspanning, VoortgangForm(request.POST, instance=voortgang, nieuw=False))
    return _formulier(request, inspanning, VoortgangForm(instance=voortgang, nieuw=False))


def _save(request, inspanning, form):
    if not form.is_valid():
        return _formulier(request, inspanning, form)
    anders = voortgang_opslaan(form.instance, versie=form.cleaned_data["versie"], door=request.user)
    if anders is None:
        messages.success(request, f"De voortgang per {datum(form.instance.peildatum)} is opgeslagen.")
        return redirect("thema:tijdlijn", code=inspanning.code)
    # Someone saved this peildatum meanwhile: show theirs, keep what this person typed, and let a
    # deliberate second save (now carrying the current version) replace it.
    data = request.POST.copy()
    data["versie"] = versie_van(anders)
    form = VoortgangForm(data, instance=copy.copy(anders), nieuw=False)
    conflict = {"voortgang": anders, "door": last_saved_by(anders)}
    return _formulier(request, inspanning, form, conflict=conflict, status=409)


def _formulier(request, inspanning, form, conflict=None, status=200):
    context = {
        "inspanning": inspanning,
        "form": form,
        "conflict": conflict,
        # The editor's import map is an inline script: the CSP allows it only with this request's nonce.
        "media": Media.from_media(form.media, nonce=request.csp_nonce),
    }
    return render(request, "thema/voortgang_form.html", context, status=status)

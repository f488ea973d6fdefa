"""The review of a draft edition in the browser: comments on the real report page, verdicts, the overview, chasing."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, has_rol, rol_required
from rapportage import review
from rapportage.builder import build_structuur, voortgang_per_inspanning
from rapportage.models import Beoordeling, Opmerking, Rapportage
from rapportage.review_forms import NotitieForm, OordeelForm, OpmerkingForm, TerReviewForm
from thema.models import Inspanning


def _terug(rapportage, anker="review"):
    return redirect(f"{rapportage.get_absolute_url()}#{anker or 'review'}")


def _blok(opmerking: Opmerking) -> str:
    """The id of the block showing this place's threads (as review_plek's doel_id): where a reader returns to."""
    if not opmerking.anker:
        return "review"
    if opmerking.dimensie or opmerking.soort == Opmerking.Soort.EDITIE:
        return opmerking.anker
    return f"{opmerking.anker}-review"


def _melding(request, niveau, tekst: str, blok: str | None) -> None:
    # Tagged with the block of the report page it is about: that block shows it in a live region, so it is right
    # there after an htmx swap (which takes only that block from the page) and after a redirect to its anchor.
    messages.add_message(request, niveau, tekst, extra_tags=f"review:{blok or 'review'}" if blok is not None else "")


def _fouten(request, fout, blok: str | None = None):
    teksten = fout.messages if isinstance(fout, ValidationError) else [e for v in fout.values() for e in v]
    _melding(request, messages.ERROR, " ".join(teksten), blok)


def review_context(rapportage: Rapportage, user, structuur: dict) -> dict | None:
    """What the detail page needs to show and take comments; None for adopted editions and readers outside review."""
    if rapportage.is_vastgesteld or not has_rol(user, REDACTIE, PROJECTLEIDER):
        return None
    draden, per_plek = {}, defaultdict(list)
    alle = list(rapportage.opmerkingen.select_related("auteur", "opgelost_door"))
    for o in alle:
        if o.parent_id is None:
            o.antwoorden_lijst = []
            draden[o.pk] = o
            per_plek[o.plek].append(o)
    for o in alle:
        if o.parent_id in draden:
            draden[o.parent_id].antwoorden_lijst.append(o)
    beoordelingen = list(rapportage.beoordelingen.select_related("redacteur"))
    mijn = next((b for b in beoordelingen if b.redacteur_id == user.pk and b.ronde == rapportage.review_ronde), None)
    return {
        "plekken": review.plekken(structuur),
        "per_plek": per_plek,
        "open_aantal": sum(1 for d in draden.values() if d.is_open),
        "kan_reageren": rapportage.status == Rapportage.Status.TER_REVIEW,
        "is_projectleider": has_rol(user, PROJECTLEIDER),
        "is_redacteur": has_rol(user, REDACTIE),
        "ronde": rapportage.review_ronde,
        "beoordelingen": beoordelingen,
        "mijn_oordeel": mijn,
        "oordeel_form": OordeelForm(
            initial={"oordeel": mijn.oordeel, "toelichting": mijn.toelichting} if mijn else None,
        ),
    }


@rol_required(REDACTIE, PROJECTLEIDER)
@require_POST
def opmerking_plaatsen(request, slug):
    rapportage = get_object_or_404(Rapportage, slug=slug)
    form = OpmerkingForm(request.POST)
    if not form.is_valid():
        blok = form.cleaned_data.get("terug", "")
        _fouten(request, form.errors, blok)
        return _terug(rapportage, blok)
    blok = form.cleaned_data["terug"]  # the block the form sits in; an error is shown there
    try:
        opmerking = review.opmerking_plaatsen(
            rapportage,
            auteur=request.user,
            tekst=form.cleaned_data["tekst"],
            plek=form.cleaned_data["plek"],
            parent_id=form.cleaned_data["parent"],
        )
    except ValidationError as fout:
        _fouten(request, fout, blok)
        return _terug(rapportage, blok)
    blok = _blok(opmerking)
    _melding(request, messages.SUCCESS, f"Uw {'antwoord' if opmerking.parent_id else 'opmerking'} is geplaatst.", blok)
    return _terug(rapportage, blok)


@rol_required(PROJECTLEIDER)
@require_POST
def opmerking_oplossen(request, slug, pk):
    opmerking = get_object_or_404(Opmerking.objects.select_related("rapportage"), rapportage__slug=slug, pk=pk)
    blok = _blok(opmerking)
    try:
        review.opmerking_oplossen(opmerking, door=request.user)
    except ValidationError as fout:
        _fouten(request, fout, blok)
    else:
        _melding(request, messages.SUCCESS, f"De opmerking over {opmerking.plek_label} is opgelost.", blok)
    return _terug(opmerking.rapportage, blok)


@rol_required(REDACTIE)
@require_POST
def oordeel_geven(request, slug):
    rapportage = get_object_or_404(Rapportage, slug=slug)
    form = OordeelForm(request.POST)
    if not form.is_valid():
        _fouten(request, form.errors, "review-oordeel")
        return _terug(rapportage, "review-oordeel")
    try:
        beoordeling = review.oordeel_geven(rapportage, redacteur=request.user, **form.cleaned_data)
    except ValidationError as fout:
        _fouten(request, fout, "review-oordeel")
    else:
        tekst = f"Uw oordeel is vastgelegd: {beoordeling.get_oordeel_display().lower()}."
        _melding(request, messages.SUCCESS, tekst, "review-oordeel")
    return _terug(rapportage, "review-oordeel")


@rol_required(PROJECTLEIDER)
@require_POST
def ter_review_sturen(request, slug):
    rapportage = get_object_or_404(Rapportage, slug=slug)
    form = TerReviewForm(request.POST)
    if form.is_valid():
        try:
            rapportage = review.ter_review_sturen(rapportage, door=request.user, notitie=form.cleaned_data["notitie"])
        except ValidationError as fout:
            _fouten(request, fout)
        else:
            messages.success(request, f"De editie ligt ter review (ronde {rapportage.review_ronde}).")
    else:
        _fouten(request, form.errors)
    return redirect("rapportage:review", slug)


@rol_required(PROJECTLEIDER)
@require_POST
def terug_naar_concept(request, slug):
    rapportage = get_object_or_404(Rapportage, slug=slug)
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            review.terug_naar_concept(rapportage, door=request.user, notitie=form.cleaned_data["notitie"])
        except ValidationError as fout:
            _fouten(request, fout)
        else:
            messages.success(request, "De editie is terug naar concept. De redactiegroep heeft uw notitie gekregen.")
    else:
        _fouten(request, form.errors)
    return redirect("rapportage:review", slug)


def _wat_veranderd(rapportage: Rapportage, structuur: dict) -> list[dict]:
    """Per inspanning: colour changes and changed toelichtingen since the previous edition."""
    vorige = rapportage.vorige_editie
    if vorige is None:
        return []
    inspanningen = [(t, i) for t in structuur["themas"] for i in t["inspanningen"]]
    pks = dict(Inspanning.objects.filter(code__in=[i["code"] for _, i in inspanningen]).values_list("code", "pk"))
    _, eerder = voortgang_per_inspanning(list(pks.values()), rapportage.peildatum, vorige.peildatum)
    result = []
    for _thema, i in inspanningen:
        oud = eerder.get(pks.get(i["code"]))
        regels = []
        if i["nieuw"]:
            regels.append({"tekst": "Nieuw in deze editie"})
        if i["status"] != "lopend":
            regels.append({"tekst": f"Status: {i['status_label'].lower()}"})
        for d in i["dimensies"]:
            if d["vorige_kleur"] and d["kleur"] != d["vorige_kleur"]:
                regels.append(
                    {"tekst": f"{d['label']}: {d['vorige_kleur_label'].lower()} → {d['kleur_label'].lower()}"}
                )
            oude_tekst = getattr(oud, f"{d['veld']}_toelichting", "") if oud else ""
            if oud and (oude_tekst or "") != (d["toelichting"] or ""):
                regels.append({"tekst": f"Toelichting {d['label'].lower()} gewijzigd", "oud": oude_tekst,
                               "nieuw": d["toelichting"]})  # fmt: skip
        if oud is not None and i["peildatum_voortgang"] and i["peildatum_voortgang"] <= vorige.peildatum.isoformat():
            regels.append({"tekst": "Geen nieuwe voortgang sinds de vorige editie"})
        if regels:
            result.append({"code": i["code"], "titel": i["titel"], "anker": i["anker"], "regels": regels})
    return result


@rol_required(PROJECTLEIDER)
def overzicht(request, slug):
    rapportage = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    structuur = build_structuur(rapportage) if not rapportage.is_vastgesteld else rapportage.snapshot
    opmerkingen = list(rapportage.opmerkingen.draden())
    per_inspanning = defaultdict(lambda: {"open": 0, "totaal": 0})
    for o in opmerkingen:
        if o.soort == Opmerking.Soort.INSPANNING:
            per_inspanning[o.code]["totaal"] += 1
            per_inspanning[o.code]["open"] += o.is_open
    beoordelingen = list(rapportage.beoordelingen.select_related("redacteur").order_by("-ronde", "gegeven_op"))
    huidig = {b.redacteur_id: b for b in beoordelingen if b.ronde == rapportage.review_ronde}
    redactie = get_user_model().objects.filter(groups__name=REDACTIE, is_active=True).order_by("username")
    context = {
        "rapportage": rapportage,
        "redacteuren": [(u, huidig.get(u.pk)) for u in redactie],
        "eerdere_beoordelingen": [b for b in beoordelingen if b.ronde != rapportage.review_ronde],
        "open_aantal": sum(o.is_open for o in opmerkingen),
        "aantal_opmerkingen": len(opmerkingen),
        "inspanningen": [
            {**{k: i[k] for k in ("code", "titel", "anker")}, **per_inspanning[i["code"]]}
            for t in structuur["themas"]
            for i in t["inspanningen"]
            if i["code"] in per_inspanning
        ],
        "overige_opmerkingen": [o for o in opmerkingen if o.soort != Opmerking.Soort.INSPANNING],
        "veranderd": _wat_veranderd(rapportage, structuur) if not rapportage.is_vastgesteld else [],
        "gebeurtenissen": rapportage.review_gebeurtenissen.select_related("door"),
        "ter_review_form": TerReviewForm(),
        "terug_form": NotitieForm(),
        "akkoord": Beoordeling.Oordeel.AKKOORD,
    }
    return render(request, "rapportage/review/overzicht.html", context)


def _achterstand(rapportage: Rapportage) -> list[Inspanning]:
    """Lopende inspanningen of this edition without voortgang since the previous edition's peildatum."""
    structuur = build_structuur(rapportage)
    codes = [i["code"] for t in structuur["themas"] for i in t["inspanningen"] if i["status"] == "lopend"]
    inspanningen = Inspanning.objects.filter(code__in=codes).select_related("thema").prefetch_related("trekkers")
    if rapportage.vorige_editie:
        inspanningen = inspanningen.exclude(voortgang__peildatum__gt=rapportage.vorige_editie.peildatum)
    else:
        inspanningen = inspanningen.filter(voortgang__isnull=True)
    return list(inspanningen.order_by("thema__volgorde", "code"))


@rol_required(PROJECTLEIDER)
def achterstand(request, slug):
    rapportage = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    context = {
        "rapportage": rapportage,
        "achterstand": _achterstand(rapportage) if not rapportage.is_vastgesteld else [],
        "herinneringen": rapportage.review_gebeurtenissen.filter(soort="herinnering").select_related("door"),
    }
    return render(request, "rapportage/review/achterstand.html", context)


@rol_required(PROJECTLEIDER)
@require_POST
def herinneren(request, slug):
    rapportage = get_object_or_404(Rapportage.objects.select_related("vorige_editie"), slug=slug)
    lijst = _achterstand(rapportage) if not rapportage.is_vastgesteld else []
    if not lijst:
        messages.info(request, "Er is geen voortgang meer die ontbreekt: er is niemand om te herinneren.")
        return redirect("rapportage:achterstand", slug)
    aantal, zonder = review.remind_trekkers(rapportage, door=request.user, achterstand=lijst)
    messages.success(request, f"{aantal} herinnering{'' if aantal == 1 else 'en'} verstuurd.")
    if zonder:
        messages.warning(
            request, f"Geen e-mailadres bekend van: {', '.join(zonder)}. Herinner hen op een andere manier."
        )
    return redirect(reverse("rapportage:achterstand", args=[slug]))

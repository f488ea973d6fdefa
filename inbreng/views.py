"""The network's pages: no account, a round's open page or a personal link (inbreng/links.py)."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from inbreng import limiet, links, selectors, services
from inbreng.forms import BijdrageForm
from inbreng.models import Bijdrage, InbrengRonde

SOORTEN = dict(Bijdrage.Soort.choices)


def met_link(view):
    """Loads the round and the participant behind the link; a refused link gets a page that says why."""

    @wraps(view)
    @never_cache
    def wrapped(request, slug, token, *args, **kwargs):
        ronde = get_object_or_404(InbrengRonde, slug=slug)
        try:
            uitnodiging = links.uitnodiging_voor(ronde, token)
        except links.LinkGeweigerd as fout:
            context = {"ronde": ronde, "reden": fout.reden, "contact": settings.CONTACT_EMAIL}
            return render(request, "inbreng/geweigerd.html", context, status=403)
        uitnodiging.ronde = ronde
        return view(request, ronde, uitnodiging, *args, **kwargs)

    return wrapped


def overzicht(request):
    rondes = InbrengRonde.objects.open_op().filter(voor_iedereen=True).order_by("open_tot")
    return render(request, "inbreng/overzicht.html", {"rondes": rondes})


def ronde(request, slug):
    ronde = get_object_or_404(InbrengRonde, slug=slug)
    return render(request, "inbreng/ronde.html", selectors.ronde_pagina(ronde, None))


@met_link
def link(request, ronde, uitnodiging):
    context = selectors.ronde_pagina(ronde, uitnodiging) | {"uitnodiging": uitnodiging, "token": _token(request)}
    context["link_url"] = request.build_absolute_uri()
    return render(request, "inbreng/ronde.html", context)


def _token(request) -> str:
    return request.resolver_match.kwargs["token"]


def nieuw_open(request, slug, soort):
    """A contribution from the open page: it gets its own personal link on saving."""
    ronde = get_object_or_404(InbrengRonde, slug=slug)
    if not (ronde.voor_iedereen and ronde.is_open()):
        return render(request, "inbreng/gesloten.html", {"ronde": ronde}, status=403)
    return _bijdrage_form(request, ronde, None, soort, Bijdrage(ronde=ronde))


@met_link
def nieuw(request, ronde, uitnodiging, soort):
    if not ronde.is_open():
        return render(request, "inbreng/gesloten.html", {"ronde": ronde}, status=403)
    return _bijdrage_form(request, ronde, uitnodiging, soort, Bijdrage(ronde=ronde, uitnodiging=uitnodiging))


def met_eigen_bijdrage(view):
    """After met_link: one of the participant's own contributions, while it may still change."""

    @wraps(view)
    def wrapped(request, ronde, uitnodiging, pk):
        bijdrage = selectors.eigen_bijdrage(uitnodiging, pk)
        if bijdrage is None:
            raise Http404("Deze bijdrage bestaat niet of is niet van u.")
        if not services.mag_wijzigen(bijdrage):
            return render(request, "inbreng/gesloten.html", {"ronde": ronde}, status=403)
        return view(request, ronde, uitnodiging, bijdrage)

    return wrapped


@met_link
@met_eigen_bijdrage
def wijzigen(request, ronde, uitnodiging, bijdrage):
    return _bijdrage_form(request, ronde, uitnodiging, bijdrage.soort, bijdrage)


def _bijdrage_form(request, ronde, uitnodiging, soort, bijdrage):
    if soort not in SOORTEN:
        raise Http404("Deze soort bijdrage bestaat niet.")
    themas, inspanningen = selectors.keuzes(selectors.publieke_stand())
    gekozen = themas.filter(code=request.GET["thema"]).first() if "thema" in request.GET and not bijdrage.pk else None
    initial = {"thema": gekozen} if gekozen else {}
    form = BijdrageForm(
        request.POST or None, instance=bijdrage, soort=soort, themas=themas, inspanningen=inspanningen, initial=initial
    )
    if request.method == "POST":
        if limiet.te_veel(request, uitnodiging):
            return render(request, "inbreng/te_veel.html", {"ronde": ronde}, status=429)
        if form.is_bot():
            return render(request, "inbreng/bedankt.html", {"ronde": ronde})
        if form.is_valid():
            nieuw = bijdrage.pk is None
            if uitnodiging is None:
                uitnodiging = services.deelnemer_maken(ronde)
            form.instance.uitnodiging = uitnodiging
            try:
                services.bijdrage_opslaan(form.instance, form.cleaned_data.get("kernen", []))
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _bevestiging(nieuw, uitnodiging))
                return redirect(links.pad(uitnodiging) + "#mijn-bijdragen")
    context = {"ronde": ronde, "form": form, "soort": soort, "soort_label": SOORTEN[soort], "bijdrage": bijdrage}
    context["bewaartermijn"] = settings.INBRENG_BEWAARTERMIJN_MAANDEN
    context |= {"uitnodiging": uitnodiging, "terug": links.pad(uitnodiging) if uitnodiging else _ronde_pad(ronde)}
    return render(request, "inbreng/bijdrage_form.html", context)


def _ronde_pad(ronde) -> str:
    return reverse("inbreng:ronde", args=[ronde.slug])


def _bevestiging(nieuw: bool, uitnodiging) -> str:
    wat = "ontvangen" if nieuw else "gewijzigd"
    zin = f"Dank u wel! Uw bijdrage is {wat}. Het kernteam leest haar en laat hier weten wat ermee gebeurt."
    if uitnodiging.zelf_aangemeld:
        zin += " Bewaar de link van deze pagina: alleen daarmee kunt u uw bijdrage later terugzien of wijzigen."
    return zin


@met_link
@met_eigen_bijdrage
def intrekken(request, ronde, uitnodiging, bijdrage):
    if request.method == "POST":
        services.intrekken(bijdrage)
        messages.success(request, "Uw bijdrage is ingetrokken en verwijderd.")
        return redirect(links.pad(uitnodiging) + "#mijn-bijdragen")
    return render(
        request, "inbreng/intrekken.html", {"ronde": ronde, "bijdrage": bijdrage, "terug": links.pad(uitnodiging)}
    )


@met_link
def wissen(request, ronde, uitnodiging):
    if request.method == "POST":
        services.wissen(uitnodiging)
        return render(request, "inbreng/gewist.html", {"ronde": ronde})
    return render(request, "inbreng/wissen.html", {"ronde": ronde, "terug": links.pad(uitnodiging)})

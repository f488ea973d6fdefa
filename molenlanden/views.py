from django.contrib.auth.views import LoginView
from django.shortcuts import render, resolve_url
from django.utils import timezone

from molenlanden import selectors
from molenlanden.common.roles import COLLEGE, PROJECTLEIDER, get_rollen, has_rol


class InloggenView(LoginView):
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # The college comes for the reports: it lands on the list of editions with their PDFs.
        if get_rollen(self.request.user) == {COLLEGE}:
            return resolve_url("rapportage:lijst")
        return super().get_default_redirect_url()


def start(request):
    """For people of the programme the state at a glance and their own work; for anyone else what is public."""
    if not get_rollen(request.user):
        return render(request, "molenlanden/welkom.html", {"edities": selectors.openbare_edities()})
    context = selectors.programma_overzicht() | {
        "werk": selectors.mijn_werk(request.user),
        "nieuwste": selectors.nieuwste_editie(request.user),
    }
    if has_rol(request.user, PROJECTLEIDER):
        context["planning"] = selectors.planning_en_budget(timezone.localdate())
    return render(request, "molenlanden/start.html", context)


def toegankelijkheid(request):
    """The accessibility statement (toegankelijkheidsverklaring), with the status the automated checks measure."""
    from django.conf import settings

    from molenlanden import toegankelijkheid as meting

    return render(request, "molenlanden/toegankelijkheid.html", {"meting": meting, "contact": settings.CONTACT_EMAIL})


def privacy(request):
    """The privacy statement: what the site stores (inbreng, accounts, logs), why, how long, and one's rights."""
    from django.conf import settings

    context = {"contact": settings.CONTACT_EMAIL, "maanden": settings.INBRENG_BEWAARTERMIJN_MAANDEN}
    return render(request, "molenlanden/privacy.html", context)

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import render, resolve_url

from molenlanden.common.roles import COLLEGE, get_rollen
from molenlanden.selectors import programma_overzicht


class InloggenView(LoginView):
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # The college comes for the reports: it lands on the list of editions with their PDFs.
        if get_rollen(self.request.user) == {COLLEGE}:
            return resolve_url("rapportage:lijst")
        return super().get_default_redirect_url()


@login_required
def start(request):
    return render(request, "molenlanden/start.html", programma_overzicht())

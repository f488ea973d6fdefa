from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from molenlanden.selectors import programma_overzicht


@login_required
def start(request):
    return render(request, "molenlanden/start.html", programma_overzicht())

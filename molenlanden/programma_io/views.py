"""The admin pages for the programme in and out: export, import with a preview per sheet, Word import.

An upload is checked and read in a dry run first; only a file without errors is kept (in private storage, under a
random name bound to the session) until the projectleider confirms. Confirming runs the whole import again in one
transaction, so what changed in between is taken into account and nothing is half done.
"""

from __future__ import annotations

import datetime
import secrets
from functools import wraps

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from molenlanden.common.roles import PROJECTLEIDER, RECHTEN, has_rol
from molenlanden.common.xlsx import XLSX_CONTENT_TYPE
from molenlanden.programma_io.forms import BestandForm, ExportForm, WordForm
from molenlanden.programma_io.werkmap import exporteer_programma, importeer_programma
from molenlanden.programma_io.word_import import importeer_word
from thema.models import Thema

SESSIE = "programma_io"
MAP = "programma-import"
BEWAARTIJD = datetime.timedelta(days=1)
# Importing writes every kind of the programme: only who may add and change all of them (the projectleider).
NODIG = [
    f"{app}.{actie}_{model}"
    for app in ("thema", "dorpen")
    for model in RECHTEN[PROJECTLEIDER][app]
    for actie in ("add", "change")
]


def projectleider_pagina(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (has_rol(request.user, PROJECTLEIDER) and request.user.has_perms(NODIG)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return admin.site.admin_view(wrapped)


def _pagina(request, template: str, titel: str, **context):
    return TemplateResponse(
        request, f"admin/programma_io/{template}", admin.site.each_context(request) | {"title": titel, **context}
    )


@projectleider_pagina
def exporteren(request):
    form = ExportForm(request.GET or None)
    if form.is_bound and form.is_valid():
        peildatum = form.cleaned_data["peildatum"]
        naam = f"programma-{peildatum.isoformat() if peildatum else 'nieuwste'}.xlsx"
        response = HttpResponse(exporteer_programma(peildatum), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response
    return _pagina(request, "exporteren.html", "Programma exporteren", form=form)


@projectleider_pagina
def importeren(request):
    return _import_pagina(request, Excel())


@projectleider_pagina
def word_importeren(request):
    return _import_pagina(request, Word())


class Excel:
    """What the Excel import page needs: its form, how to import, and what it keeps for the confirmation."""

    template, titel, form_class = "importeren.html", "Programma importeren", BestandForm
    na_afloop = "admin:index"

    def gegevens(self, form) -> dict:
        return {"naam": form.cleaned_data["bestand"].name}

    def importeer(self, inhoud, gegevens, *, bevestig, door):
        return importeer_programma(inhoud, gegevens["naam"], bevestig=bevestig, door=door)

    def leeg_form(self, gegevens=None):
        return self.form_class()


class Word(Excel):
    template, titel, form_class = "word_importeren.html", "Word importeren", WordForm
    na_afloop = "admin:thema_inspanning_changelist"

    def gegevens(self, form) -> dict:
        velden = form.cleaned_data
        return {
            "naam": velden["bestand"].name,
            "thema": velden["thema"].pk,
            "peildatum": velden["peildatum"].isoformat(),
        }

    def importeer(self, inhoud, gegevens, *, bevestig, door):
        thema = Thema.objects.get(pk=gegevens["thema"])
        peildatum = datetime.date.fromisoformat(gegevens["peildatum"])
        return importeer_word(inhoud, gegevens["naam"], thema=thema, peildatum=peildatum, bevestig=bevestig, door=door)

    def leeg_form(self, gegevens=None):
        if not gegevens:
            return self.form_class()
        return self.form_class(initial={"thema": gegevens["thema"], "peildatum": gegevens["peildatum"]})


def _import_pagina(request, soort: Excel):
    """Upload -> dry run with preview -> (only without errors) confirm -> the real import, all or nothing."""
    verslag = token = None
    if request.method == "POST" and "token" in request.POST:
        gegevens, inhoud = _terug(request)
        if inhoud is None:
            return redirect(request.path)
        verslag = soort.importeer(inhoud, gegevens, bevestig=True, door=request.user)
        if verslag.bevestigd:
            _vergeet(request, request.POST["token"])
            messages.success(request, f"“{gegevens['naam']}” is geïmporteerd. " + _samenvatting(verslag))
            return redirect(soort.na_afloop)
        form = soort.leeg_form(gegevens)
    else:
        form = soort.form_class(request.POST or None, request.FILES or None)
        if form.is_bound and form.is_valid():
            gegevens = soort.gegevens(form)
            verslag = soort.importeer(form.inhoud, gegevens, bevestig=False, door=request.user)
            if not verslag.heeft_fouten:
                token = _bewaar(request, form.inhoud, **gegevens)
            form = soort.leeg_form(gegevens)
    return _pagina(request, soort.template, soort.titel, form=form, verslag=verslag, token=token)


def _samenvatting(verslag) -> str:
    return " ".join(f"{blad.naam}: {blad.samenvatting()}." for blad in verslag.bladen if blad.veranderd) or (
        "Er was niets te veranderen."
    )


# --- The uploaded file between the preview and the confirmation ---


def _opslag():
    return storages["programma_import"]


def _bewaar(request, inhoud: bytes, **gegevens) -> str:
    _ruim_op()
    token = secrets.token_urlsafe(24)
    _opslag().save(f"{MAP}/{token}", ContentFile(inhoud))
    request.session[SESSIE] = {**request.session.get(SESSIE, {}), token: gegevens}
    return token


def _terug(request):
    """The file and its details for the posted token, if this session uploaded it; else a message."""
    token = request.POST.get("token", "")
    gegevens = request.session.get(SESSIE, {}).get(token)
    if gegevens is not None and _opslag().exists(f"{MAP}/{token}"):
        with _opslag().open(f"{MAP}/{token}", "rb") as bestand:
            return gegevens, bestand.read()
    messages.error(request, "Dit voorbeeld is verlopen of al gebruikt. Kies het bestand opnieuw.")
    return None, None


def _vergeet(request, token: str) -> None:
    _opslag().delete(f"{MAP}/{token}")
    request.session[SESSIE] = {k: v for k, v in request.session.get(SESSIE, {}).items() if k != token}


def _ruim_op() -> None:
    """Files of previews that were never confirmed go after a day."""
    opslag = _opslag()
    if not opslag.exists(MAP):
        return
    grens = timezone.now() - BEWAARTIJD
    for naam in opslag.listdir(MAP)[1]:
        if opslag.get_modified_time(f"{MAP}/{naam}") < grens:
            opslag.delete(f"{MAP}/{naam}")

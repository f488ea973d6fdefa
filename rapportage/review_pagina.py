"""The report page in review mode, fast: the report with its review blocks is rendered once per content, and each
request only fills in the threads and outcome messages of the few places that have any.

The cached report carries a marker where a place's threads go: an HTML comment with what the place's block needs
(its key, block id and label), so a request needs neither the edition's structure nor its list of places. Per request
`invullen` replaces every marker: by nothing for a quiet place (most of them, without a Python call each), by the
rendered threads for the others. The links that open a comment form are part of the cached report; the form itself
is loaded when it is opened.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from rapportage import plekken

_MARKER = re.compile(r"<!--review-draden ([^ >]*) ([^ >]*) ([^ >]*)-->")
# What may not stand in a marker's part, percent-encoded (unquote reads it back): a thousand markers per report, and
# str.translate is many times cheaper than quote() for each part.
_IN_MARKER = str.maketrans({"%": "%25", " ": "%20", "<": "%3C", ">": "%3E"})


def plek(review: dict, soort: str, code: str = "", dimensie: str = "") -> dict:
    """One place of the edition as the review blocks show it: its key, label, block id and threads. The edition's
    own place is the same in every edition; the others are looked up in the places of the report being rendered."""
    sleutel = plekken.sleutel(soort, code, dimensie)
    label, anker = plekken.EDITIE_PLEK if soort == plekken.EDITIE else review["plekken"].get(sleutel, ("", ""))
    return _plek(review, sleutel, label, plekken.blok_id(soort, anker, dimensie))


def _plek(review: dict, sleutel: str, label: str, doel_id: str) -> dict:
    soort, _, dimensie = plekken.delen(sleutel)
    return {
        "sleutel": sleutel,
        "label": label,
        "als_geheel": soort == plekken.INSPANNING and not dimensie,
        "doel_id": doel_id,
        "draden": review["per_plek"].get(sleutel, []),
    }


def skelet(kan_reageren: bool, structuur: dict) -> dict:
    """The review context the cached report is rendered with: the places and whether comments are open; no threads."""
    return {
        "skelet": True,
        "kan_reageren": kan_reageren,
        "plekken": plekken.plekken(structuur),
        "per_plek": {},
        "formulier_url": formulier_url(structuur["editie"]["slug"]),
    }


def formulier_url(slug: str) -> str:
    """Where the comment form of a place opens (with ?plek= or ?inspanning=)."""
    return reverse("rapportage:opmerking_nieuw", args=[slug])


def marker(plek: dict) -> SafeString:
    delen = (plek[deel].translate(_IN_MARKER) for deel in ("sleutel", "doel_id", "label"))
    return mark_safe(f"<!--review-draden {' '.join(delen)}-->")  # noqa: S308 (encoded: no space, '<' or '>' inside)


def melding_blokken(request) -> set[str]:
    """The blocks that have an outcome message for this request (messages tagged by review_views._melding)."""
    return {
        m.extra_tags.removeprefix("review:")
        for m in messages.get_messages(request)
        if (m.extra_tags or "").startswith("review:")
    }


def draden(review: dict, plek: dict, request, editie) -> str:
    """A place's outcome message and threads; nothing for a quiet place (most of them), without rendering."""
    if not plek["draden"] and plek["doel_id"] not in review["melding_blokken"]:
        return ""
    context = {"plek": plek, "review": review, "editie": editie}
    return render_to_string("rapportage/review/_draden.html", context, request=request)


def invullen(html: str, review: dict, request, editie) -> SafeString:
    """The cached report with the threads of this moment in their places."""
    # Compared as they stand in the markers: a quiet place costs no unquoting and no dictionary.
    met_draden = {sleutel.translate(_IN_MARKER) for sleutel, lijst in review["per_plek"].items() if lijst}
    met_melding = {doel_id.translate(_IN_MARKER) for doel_id in review["melding_blokken"]}
    if not met_draden and not met_melding:
        return mark_safe(_MARKER.sub("", html))  # noqa: S308 (our own rendered templates)

    def vervang(match: re.Match) -> str:
        if match[1] not in met_draden and match[2] not in met_melding:
            return ""
        return draden(review, _plek(review, unquote(match[1]), unquote(match[3]), unquote(match[2])), request, editie)

    return mark_safe(_MARKER.sub(vervang, html))  # noqa: S308 (our own rendered templates)

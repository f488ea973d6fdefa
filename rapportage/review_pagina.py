"""The report page in review mode, fast: the report with its review blocks is rendered once per content, and each
request only fills in the threads and outcome messages of the few places that have any.

The cached report carries a marker where a place's threads go (an HTML comment with the place's key). Per request
`invullen` replaces every marker: by nothing for a quiet place, by the rendered threads for the others. The links
that open a comment form are part of the cached report; the form itself is loaded when it is opened.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from django.contrib import messages
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from rapportage import plekken

_MARKER = re.compile(r"<!--review-draden ([^ >]*)-->")


def plek(review: dict, soort: str, code: str = "", dimensie: str = "") -> dict:
    """One place of the edition as the review blocks show it: its key, label, block id and threads."""
    sleutel = plekken.sleutel(soort, code, dimensie)
    label, anker = review["plekken"].get(sleutel, ("", ""))
    return {
        "sleutel": sleutel,
        "label": label,
        "als_geheel": soort == plekken.INSPANNING and not dimensie,
        "doel_id": plekken.blok_id(soort, anker, dimensie),
        "draden": review["per_plek"].get(sleutel, []),
    }


def skelet(kan_reageren: bool, structuur: dict) -> dict:
    """The review context the cached report is rendered with: the places and whether comments are open; no threads."""
    return {"skelet": True, "kan_reageren": kan_reageren, "plekken": plekken.plekken(structuur), "per_plek": {}}


def marker(sleutel: str) -> SafeString:
    return mark_safe(f"<!--review-draden {quote(sleutel, safe=':')}-->")  # noqa: S308 (quoted: no '-->' inside)


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

    def vervang(match: re.Match) -> str:
        soort, code, dimensie = plekken.delen(unquote(match[1]))
        return draden(review, plek(review, soort, code, dimensie), request, editie)

    return mark_safe(_MARKER.sub(vervang, html))  # noqa: S308 (our own rendered templates)

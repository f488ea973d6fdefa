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
from html import escape
from urllib.parse import quote, unquote

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from rapportage import plekken

_MARKER = re.compile(rb"<!--review-draden ([^ >]*) ([^ >]*) ([^ >]*)-->")


def _in_marker(deel: str) -> str:
    """A marker's part with what may not stand in it percent-encoded (unquote reads it back). Four str.replace calls:
    a thousand markers per report, and str.translate with a table is several times slower, quote() more so."""
    return deel.replace("%", "%25").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def editie_blok(review: dict, request, editie) -> tuple[str, str, str]:
    """The parts of the edition's own block in the review panel (the same in every edition, so not in the cached
    report): its block id, its threads of this request and the link that opens its form."""
    sleutel = plekken.sleutel(plekken.EDITIE)
    label, anker = plekken.EDITIE_PLEK
    doel_id, _, link = _blok_delen(sleutel, label, anker, formulier_url(editie.slug) if review["kan_reageren"] else "")
    return doel_id, draden(review, _plek(review, sleutel, label, doel_id), request, editie), link


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
    """The review context the cached report is rendered with: per place, the parts of its block, with the link to its
    form while comments are open (written here at once, not per template tag: a thousand blocks at ten times the
    programme); no threads."""
    url = formulier_url(structuur["editie"]["slug"]) if kan_reageren else ""
    return {
        "blokken": {
            sleutel: _blok_delen(sleutel, label, anker, url)
            for sleutel, (label, anker) in plekken.plekken(structuur).items()
        },
    }


def _blok_delen(sleutel: str, label: str, anker: str, url: str) -> tuple[str, str, str]:
    """A place's block id, the marker its threads replace, and the link that opens its form ('' when comments are
    closed)."""
    soort, code, dimensie = plekken.delen(sleutel)
    doel_id = plekken.blok_id(soort, anker, dimensie)
    if not url:
        return doel_id, marker(sleutel, doel_id, label), ""
    # A whole inspanning's form lets the reader choose the whole or one of its dimensions.
    if soort == plekken.INSPANNING and not dimensie:
        vraag = f"inspanning={quote(code, safe='')}"
    else:
        vraag = f"plek={quote(sleutel, safe=':')}"  # ':' may stand in a query as it is
    return doel_id, marker(sleutel, doel_id, label), opmerking_link(url, vraag, label)


def formulier_url(slug: str) -> str:
    """Where the comment form of a place opens (with ?plek= or ?inspanning=)."""
    return reverse("rapportage:opmerking_nieuw", args=[slug])


# The blocks are written with the standard library's escape(), which replaces the same five characters by the same
# entities as Django's; Django's checks every argument for lazy text first, which at a thousand blocks per report
# cost more than writing them.
def blok(doel_id: str, *inhoud: str) -> SafeString:
    """A place's block: where a reader returns to (its id), holding the parts given (each HTML already)."""
    return mark_safe(f'<div id="{escape(doel_id)}" class="review-plek">{"".join(inhoud)}</div>')  # noqa: S308


def opmerking_link(url: str, vraag: str, label: str) -> str:
    """The link that opens a place's comment form: a page of its own without JavaScript; review.js loads the form in
    its place instead."""
    return (
        f'<p class="review-nieuw mt-2 mb-0"><a href="{escape(url)}?{escape(vraag)}" data-review-open>'
        f"Opmerking plaatsen over {escape(label)}</a></p>"
    )


def marker(sleutel: str, doel_id: str, label: str) -> str:
    """Where a place's threads go in the cached report (invullen): its parts encoded (no space, '<' or '>')."""
    return f"<!--review-draden {_in_marker(sleutel)} {_in_marker(doel_id)} {_in_marker(label)}-->"


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


def invullen(html: bytes, review: dict, request, editie) -> bytes:
    """The cached report (UTF-8, as kept) with the threads of this moment in their places. Bytes in and out: the page
    puts them in as they are (pagina.met_rapport), a megabyte is neither decoded nor encoded again."""
    # Compared as they stand in the markers: a quiet place costs no unquoting and no dictionary.
    met_draden = {_in_marker(sleutel).encode() for sleutel, lijst in review["per_plek"].items() if lijst}
    met_melding = {_in_marker(doel_id).encode() for doel_id in review["melding_blokken"]}
    if not met_draden and not met_melding:
        return _MARKER.sub(b"", html)

    def vervang(match: re.Match) -> bytes:
        if match[1] not in met_draden and match[2] not in met_melding:
            return b""
        sleutel, doel_id, label = (unquote(deel.decode()) for deel in match.groups())
        return draden(review, _plek(review, sleutel, label, doel_id), request, editie).encode()

    return _MARKER.sub(vervang, html)

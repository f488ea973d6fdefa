"""The review blocks of the report: one per place a comment can be about.

They are written here with format_html instead of included templates: the review report has about a thousand of them
at ten times the programme, and an include per block was a third of rendering it.
"""

from urllib.parse import quote

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from rapportage import plekken, review_pagina
from thema.kleuren import is_afwijkend

register = template.Library()


@register.simple_tag(takes_context=True)
def review_blok(context, review, soort, code="", dimensie="", formulier=False):
    """A place's block: its id (where a reader returns to), its threads and, with `formulier`, the link that opens
    the comment form."""
    plek = review_pagina.plek(review, soort, code, dimensie)
    link = _opmerking_link(context, review, f"plek={quote(plek['sleutel'])}", plek["label"]) if formulier else ""
    return _blok(plek, _draden(context, review, plek), link)


@register.simple_tag(takes_context=True)
def review_inspanning(context, review, inspanning, alleen_afwijkend=False):
    """An inspanning's block, with the link that opens its form (the reader chooses the whole or a dimension there).
    Dimensions the report does not show here (no voortgang yet; green or grey in the voortgangsrapportage,
    `alleen_afwijkend`) keep their comments in this block."""
    plek = review_pagina.plek(review, plekken.INSPANNING, inspanning["code"])
    verborgen = [
        review_blok(context, review, plekken.INSPANNING, inspanning["code"], d["veld"])
        for d in inspanning["dimensies"]
        if not inspanning["peildatum_voortgang"] or (alleen_afwijkend and not is_afwijkend(d["kleur"]))
    ]
    link = _opmerking_link(context, review, f"inspanning={quote(inspanning['code'])}", plek["label"])
    return _blok(plek, _draden(context, review, plek), *verborgen, link)


def _blok(plek: dict, *inhoud) -> str:
    """The block itself: where a reader returns to (its id), holding the parts given (each safe HTML)."""
    samen = mark_safe("".join(inhoud))  # noqa: S308 (each part made by format_html, marker() or a template)
    return format_html('<div id="{}" class="review-plek">{}</div>', plek["doel_id"], samen)


def _draden(context, review, plek):
    """In the report rendered once per content: a marker that each request fills in (review_pagina.invullen); on
    the page itself (the edition's own block in the review panel): the threads."""
    if review.get("skelet"):
        return review_pagina.marker(plek)
    return review_pagina.draden(review, plek, context.request, context["editie"])


def _opmerking_link(context, review, query: str, label: str) -> str:
    """Where a place's comment form opens: a link to the form (a page of its own without JavaScript); review.js
    loads the form in its place instead."""
    if not review["kan_reageren"]:
        return ""
    # The cached report's review context has the address once; the review panel asks for it once.
    basis = review.get("formulier_url") or review_pagina.formulier_url(context["editie"].slug)
    return format_html(
        '<p class="review-nieuw mt-2 mb-0"><a href="{}?{}" data-review-open>Opmerking plaatsen over {}</a></p>',
        basis,
        query,
        label,
    )

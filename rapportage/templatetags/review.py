"""The review blocks of the report: one per place a comment can be about.

They are written by review_pagina instead of included templates: the review report has about a thousand of them at
ten times the programme, and an include per block was a third of rendering it.
"""

from django import template

from rapportage import plekken, review_pagina
from thema.kleuren import is_afwijkend

register = template.Library()


@register.simple_tag
def review_blok(review, soort, code="", dimensie="", formulier=False):
    """A place's block in the report rendered once per content: its id (where a reader returns to), the marker its
    threads replace per request (review_pagina.invullen) and, with `formulier`, the link that opens the comment
    form. Its parts are written beforehand for every place (review_pagina.skelet)."""
    doel_id, marker, link = review["blokken"][plekken.sleutel(soort, code, dimensie)]
    return review_pagina.blok(doel_id, marker, link if formulier else "")


@register.simple_tag
def review_inspanning(review, inspanning, alleen_afwijkend=False):
    """An inspanning's block, with the link that opens its form (the reader chooses the whole or a dimension there).
    Dimensions the report does not show here (no voortgang yet; green or grey in the voortgangsrapportage,
    `alleen_afwijkend`) keep their comments in this block."""
    verborgen = [
        review_blok(review, plekken.INSPANNING, inspanning["code"], d["veld"])
        for d in inspanning["dimensies"]
        if not inspanning["peildatum_voortgang"] or (alleen_afwijkend and not is_afwijkend(d["kleur"]))
    ]
    doel_id, marker, link = review["blokken"][plekken.sleutel(plekken.INSPANNING, inspanning["code"])]
    return review_pagina.blok(doel_id, marker, *verborgen, link)


@register.simple_tag(takes_context=True)
def review_editie_blok(context, review):
    """The edition's own block in the review panel, with its threads of this request."""
    return review_pagina.blok(*review_pagina.editie_blok(review, context.request, context["editie"]))

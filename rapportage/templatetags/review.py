"""The review blocks of the report: one per place a comment can be about.

They are written by review_pagina instead of included templates: the review report has about a thousand of them at
ten times the programme, and an include per block was a third of rendering it.
"""

from django import template

from rapportage import plekken, review_pagina
from thema.kleuren import is_afwijkend

register = template.Library()


@register.simple_tag(takes_context=True)
def review_blok(context, review, soort, code="", dimensie="", formulier=False):
    """A place's block: its id (where a reader returns to), its threads and, with `formulier`, the link that opens
    the comment form."""
    doel_id, draden, link = _delen(context, review, soort, code, dimensie)
    return review_pagina.blok(doel_id, draden, link if formulier else "")


@register.simple_tag(takes_context=True)
def review_inspanning(context, review, inspanning, alleen_afwijkend=False):
    """An inspanning's block, with the link that opens its form (the reader chooses the whole or a dimension there).
    Dimensions the report does not show here (no voortgang yet; green or grey in the voortgangsrapportage,
    `alleen_afwijkend`) keep their comments in this block."""
    verborgen = [
        review_blok(context, review, plekken.INSPANNING, inspanning["code"], d["veld"])
        for d in inspanning["dimensies"]
        if not inspanning["peildatum_voortgang"] or (alleen_afwijkend and not is_afwijkend(d["kleur"]))
    ]
    doel_id, draden, link = _delen(context, review, plekken.INSPANNING, inspanning["code"])
    return review_pagina.blok(doel_id, draden, *verborgen, link)


def _delen(context, review, soort, code="", dimensie="") -> tuple[str, str, str]:
    """A place's block id, its threads and the link that opens its comment form ('' when comments are closed).

    In the report rendered once per content, every place's parts are written beforehand (review_pagina.skelet), with
    a marker for the threads that each request fills in. On the page itself (the edition's own block in the review
    panel): the threads of this request."""
    if review.get("skelet"):
        return review["blokken"][plekken.sleutel(soort, code, dimensie)]
    plek = review_pagina.plek(review, soort, code, dimensie)
    link = ""
    if review["kan_reageren"]:
        url = review_pagina.formulier_url(context["editie"].slug)
        link = review_pagina.opmerking_link(url, review_pagina.plek_vraag(plek["sleutel"]), plek["label"])
    return plek["doel_id"], review_pagina.draden(review, plek, context.request, context["editie"]), link

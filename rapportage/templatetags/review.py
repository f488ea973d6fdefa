from django import template

from rapportage import review_pagina

register = template.Library()


@register.simple_tag
def review_plek(review, soort, code="", dimensie=""):
    """The threads and the anchor of one place of the edition, from the review context of the detail view."""
    return review_pagina.plek(review, soort, code, dimensie)


@register.simple_tag(takes_context=True)
def review_draden(context, review, plek):
    """In the report rendered once per content: a marker that each request fills in (review_pagina.invullen);
    on the page itself (the edition's own block in the review panel): the threads."""
    if review.get("skelet"):
        return review_pagina.marker(plek)
    return review_pagina.draden(review, plek, context.request, context["editie"])

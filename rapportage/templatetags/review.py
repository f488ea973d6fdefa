from django import template

from rapportage import plekken

register = template.Library()


@register.simple_tag
def review_plek(review, soort, code="", dimensie=""):
    """The threads and the anchor of one place of the edition, from the review context of the detail view."""
    sleutel = plekken.sleutel(soort, code, dimensie)
    label, anker = review["plekken"].get(sleutel, ("", ""))
    return {
        "sleutel": sleutel,
        "label": label,
        "anker": anker,
        "doel_id": plekken.blok_id(soort, anker, dimensie),
        "draden": review["per_plek"].get(sleutel, []),
    }


register.simple_tag(plekken.keuzes, name="review_keuzes")

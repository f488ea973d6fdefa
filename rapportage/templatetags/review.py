from django import template

register = template.Library()


@register.simple_tag
def review_plek(review, soort, code="", dimensie=""):
    """The threads and the anchor of one place of the edition, from the review context of the detail view."""
    sleutel = ":".join(p for p in (soort, code, dimensie) if p)
    label, anker = review["plekken"].get(sleutel, ("", ""))
    return {
        "sleutel": sleutel,
        "label": label,
        "anker": anker,
        # The element a form swaps: a dimension's own anchor; otherwise a wrapper beside the section's anchor.
        "doel_id": anker if dimensie or soort == "editie" else f"{anker}-review",
        "draden": review["per_plek"].get(sleutel, []),
    }


@register.simple_tag
def review_keuzes(inspanning):
    """The places within one inspanning: the whole, or one of its three dimensions."""
    code = inspanning["code"]
    return [(f"inspanning:{code}", f"{code} als geheel")] + [
        (f"inspanning:{code}:{d['veld']}", f"{code} — {d['label']}") for d in inspanning["dimensies"]
    ]

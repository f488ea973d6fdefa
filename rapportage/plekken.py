"""The places of an edition a comment can be about, with their keys, anchors and labels: defined here only.

A place is the edition as a whole, a thema, an inspanning or one of its dimensions, or the dorpsacties of a kern.
Its key ("inspanning:A1:planning") is stored with a comment; its anchor is the id of its part of the report page.
"""

from __future__ import annotations

EDITIE = "editie"
THEMA = "thema"
INSPANNING = "inspanning"
KERN = "kern"
EDITIE_ANKER = "review-editie"
EDITIE_PLEK = ("de editie als geheel", EDITIE_ANKER)  # (label, anchor): the same in every edition


def sleutel(soort: str, code: str = "", dimensie: str = "") -> str:
    return ":".join(filter(None, (soort, code, dimensie)))  # the parts that are there (a thousand keys per report)


def delen(plek: str) -> tuple[str, str, str]:
    """(soort, code, dimensie) of a key; the missing parts are ''."""
    soort, code, dimensie = (plek.split(":") + ["", ""])[:3]
    return soort, code, dimensie


def thema_anker(slug: str) -> str:
    return f"thema-{slug}"


def inspanning_anker(code: str) -> str:
    return f"inspanning-{code.lower()}"


def dimensie_anker(code: str, veld: str) -> str:
    return f"{inspanning_anker(code)}-{veld}"


def kern_anker(slug: str) -> str:
    return f"kern-{slug}"


def blok_id(soort: str, anker: str, dimensie: str = "") -> str:
    """The id of the block that shows a place's threads and takes its comments: where a reader returns to.

    A dimension and the edition have a block of their own at their anchor; a thema, an inspanning or a kern has
    one beside its section, whose anchor stays the section's.
    """
    if not anker:
        return "review"
    return anker if dimensie or soort == EDITIE else f"{anker}-review"


def plekken(structuur: dict) -> dict[str, tuple[str, str]]:
    """Every place of a built edition: key -> (label, anchor)."""
    # Labels are written for running text ("Opmerkingen over thema A. Wonen"): lower case where Dutch wants it.
    result = {sleutel(EDITIE): EDITIE_PLEK}
    for thema in structuur["themas"]:
        result[sleutel(THEMA, thema["code"])] = (f"thema {thema['code']}. {thema['naam']}", thema["anker"])
        for i in thema["inspanningen"]:
            result[sleutel(INSPANNING, i["code"])] = (f"{i['code']} {i['titel']}", i["anker"])
            for d in i["dimensies"]:
                label = f"{i['code']} — {d['label'].lower()}"
                result[sleutel(INSPANNING, i["code"], d["veld"])] = (label, dimensie_anker(i["code"], d["veld"]))
    for kern in structuur["kernen"]:
        result[sleutel(KERN, kern["slug"])] = (f"de dorpsacties in {kern['naam']}", kern["anker"])
    return result


def keuzes(inspanning: dict) -> list[tuple[str, str]]:
    """The places within one inspanning, for the comment form: the whole, or one of its three dimensions."""
    code = inspanning["code"]
    return [(sleutel(INSPANNING, code), f"{code} als geheel")] + [
        (sleutel(INSPANNING, code, d["veld"]), f"{code} — {d['label']}") for d in inspanning["dimensies"]
    ]


def formulier(structuur: dict, *, plek: str = "", inspanning: str = "") -> dict | None:
    """What the comment form for one place needs, or None when the edition has no such place.

    `plek`: a thema, a kern or the edition; the form returns to that place's block. `inspanning`: its code; the form
    lets the reader choose the inspanning as a whole or one of its dimensions, and takes its whole section along
    (a comment on a dimension lands in that dimension's block within it).
    """
    if inspanning:
        gevonden = next((i for t in structuur["themas"] for i in t["inspanningen"] if i["code"] == inspanning), None)
        if gevonden is None:
            return None
        label, anker = plekken(structuur)[sleutel(INSPANNING, inspanning)]
        return {
            "sleutel": sleutel(INSPANNING, inspanning),
            "label": label,
            "doel": anker,
            "terug": blok_id(INSPANNING, anker),
            "keuzes": keuzes(gevonden),
        }
    bekend = plekken(structuur)
    if plek not in bekend:
        return None
    label, anker = bekend[plek]
    soort, _, dimensie = delen(plek)
    doel = blok_id(soort, anker, dimensie)
    return {"sleutel": plek, "label": label, "doel": doel, "terug": doel, "keuzes": None}

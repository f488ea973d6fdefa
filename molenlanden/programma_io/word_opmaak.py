"""Word formatting as the editor's rich text: runs to <strong>/<em>/<a>, numbered and bulleted paragraphs to lists."""

from __future__ import annotations

from django.utils.html import escape

_LINK_SCHEMAS = ("http://", "https://", "mailto:")


def alinea_html(alinea) -> str:
    """A paragraph's runs as HTML: bold, italic and links kept, everything else as plain text."""
    from docx.text.hyperlink import Hyperlink

    stukken = []  # (text, bold, italic, href)
    for item in alinea.iter_inner_content():
        if isinstance(item, Hyperlink):
            href = item.url if item.url.lower().startswith(_LINK_SCHEMAS) else None
            stukken.extend((run.text, _vet(run), _cursief(run), href) for run in item.runs)
        else:
            stukken.append((item.text, _vet(item), _cursief(item), None))
    samengevoegd = []
    for stuk in stukken:
        if samengevoegd and samengevoegd[-1][1:] == stuk[1:]:
            samengevoegd[-1] = (samengevoegd[-1][0] + stuk[0], *stuk[1:])
        elif stuk[0]:
            samengevoegd.append(stuk)
    html = []
    for tekst, vet, cursief, href in samengevoegd:
        deel = escape(tekst).replace("\n", "<br>").replace("\t", " ")
        if cursief:
            deel = f"<em>{deel}</em>"
        if vet:
            deel = f"<strong>{deel}</strong>"
        if href:
            deel = f'<a href="{escape(href)}">{deel}</a>'
        html.append(deel)
    return "".join(html).strip()


def _vet(run) -> bool:
    return bool(run.bold) or (run.style is not None and run.style.name == "Strong")


def _cursief(run) -> bool:
    return bool(run.italic) or (run.style is not None and run.style.name == "Emphasis")


def lijst_soort(alinea, nummering) -> str | None:
    """'ul' or 'ol' for a list paragraph (by its numbering, else its style), None for a plain paragraph."""
    stijl = alinea.style.name if alinea.style is not None else ""
    ppr = alinea._p.pPr
    num = ppr.numPr if ppr is not None else None
    if num is None or num.numId is None:
        if stijl.startswith("List Number"):
            return "ol"
        return "ul" if stijl.startswith("List Bullet") else None
    if "Number" in stijl:
        return "ol"
    niveau = num.ilvl.val if num.ilvl is not None else 0
    if nummering is not None:
        abstract = nummering.xpath(f'./w:num[@w:numId="{num.numId.val}"]/w:abstractNumId/@w:val')
        if abstract:
            opmaak = nummering.xpath(
                f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{niveau}"]/w:numFmt/@w:val'
            )
            if opmaak and opmaak[0] not in ("bullet", "none"):
                return "ol"
    return "ul"


def unieke_cellen(rij):
    """A merged cell appears once per grid column it spans in python-docx: read it once."""
    cellen, gezien = [], set()
    for cel in rij.cells:
        if id(cel._tc) not in gezien:
            gezien.add(id(cel._tc))
            cellen.append(cel)
    return cellen

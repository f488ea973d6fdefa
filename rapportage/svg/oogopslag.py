""" "In één oogopslag": 100%-stacked colour bars per thema and dimension."""

from __future__ import annotations

from rapportage.svg.basis import (
    KLEUREN,
    TEKST,
    TEKST_OP,
    VULLING,
    _e,
    _id,
    _n,
    _open_svg,
    _tekstbreedte,
    _telling,
    _wrap,
    patronen,
    vulling,
)


def stacked_bars(rijen: list[dict], *, titel: str, id_prefix: str = "oogopslag") -> str:
    """Draw "In één oogopslag": per thema three 100%-stacked bars (inhoud, planning, financiën).

    rijen: [{"label": "A. Wonen ...", "dimensies": [{"label": "Inhoud", "tellingen": {"groen": 3, "oranje": 1,
    "rood": 0, "grijs": 0}}, ...]}, ...]
    """
    prefix = _id(id_prefix)
    breedte = 800.0
    marge = 16.0
    label_breedte = 110.0
    balk_x = marge + label_breedte
    balk_breedte = breedte - marge - balk_x
    balk_hoogte = 22.0
    balk_afstand = 6.0
    thema_grootte = 15.0
    thema_regel = 19.0
    getal_grootte = 13.0

    # desc: a full-sentence summary with all counts
    delen = []
    for rij in rijen:
        dims = []
        for dim in rij.get("dimensies", []):
            t = dim.get("tellingen", {}) or {}
            aantallen = ", ".join(f"{_telling(t, k)} {k}" for k in KLEUREN)
            dims.append(f"{str(dim.get('label', '')).lower()} {aantallen}")
        delen.append(f"{rij.get('label', '')}: {'; '.join(dims) if dims else 'geen dimensies'}.")
    if delen:
        desc = "Aantal inspanningen per kleur, per thema en dimensie. " + " ".join(delen)
    else:
        desc = "Er zijn geen thema's om te tonen."

    onderdelen: list[str] = []

    # legend at the top
    y = marge
    x = marge
    for kleur in KLEUREN:
        onderdelen.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="16" fill="{vulling(kleur, prefix)}" '
            f'stroke="{TEKST}" stroke-width="0.5"/>'
        )
        onderdelen.append(f'<text x="{_n(x + 22)}" y="{_n(y + 13)}">{_e(kleur)}</text>')
        x += 22 + _tekstbreedte(kleur, 14) + 24
    legenda = f'<g aria-hidden="true">{"".join(onderdelen)}</g>'
    onderdelen = [patronen(prefix), legenda]
    y += 16 + 18

    max_tekens = int((breedte - 2 * marge) / (0.6 * thema_grootte))
    for rij in rijen:
        groep = ["<g>"]
        for regel in _wrap(rij.get("label", ""), max_tekens):
            y += thema_regel
            groep.append(
                f'<text x="{_n(marge)}" y="{_n(y - 4)}" font-size="{_n(thema_grootte)}" '
                f'font-weight="bold">{_e(regel)}</text>'
            )
        y += 4
        for dim in rij.get("dimensies", []):
            dim_label = str(dim.get("label", ""))
            tellingen = dim.get("tellingen", {}) or {}
            midden = y + balk_hoogte / 2
            groep.append(f'<text x="{_n(marge)}" y="{_n(midden + 5)}">{_e(dim_label)}</text>')
            totaal = sum(_telling(tellingen, k) for k in KLEUREN)
            if totaal == 0:
                groep.append(
                    f"<g><title>{_e(dim_label)}: geen inspanningen</title>"
                    f'<rect x="{_n(balk_x)}" y="{_n(y)}" width="{_n(balk_breedte)}" height="{_n(balk_hoogte)}" '
                    f'fill="#ffffff" stroke="{VULLING["grijs"]}" stroke-width="1"/>'
                    f'<text x="{_n(balk_x + 8)}" y="{_n(midden + 5)}" fill="{TEKST}">geen inspanningen</text></g>'
                )
            else:
                sx = balk_x
                for kleur in KLEUREN:
                    aantal = _telling(tellingen, kleur)
                    if aantal == 0:
                        continue
                    w = balk_breedte * aantal / totaal
                    segment = [
                        f"<g><title>{_e(dim_label)}: {aantal} {kleur}</title>",
                        f'<rect x="{_n(sx)}" y="{_n(y)}" width="{_n(w)}" height="{_n(balk_hoogte)}" '
                        f'fill="{vulling(kleur, prefix)}" stroke="#ffffff" stroke-width="1"/>',
                    ]
                    # The number and the colour word, in print as well; only the number when the segment is narrow.
                    getal = f"{aantal} {kleur}"
                    if w < _tekstbreedte(getal, getal_grootte) + 6:
                        getal = str(aantal)
                    if w >= _tekstbreedte(getal, getal_grootte) + 6:
                        segment.append(
                            f'<text x="{_n(sx + w / 2)}" y="{_n(midden + getal_grootte * 0.35)}" '
                            f'text-anchor="middle" font-size="{_n(getal_grootte)}" font-weight="bold" '
                            f'fill="{TEKST_OP[kleur]}">{getal}</text>'
                        )
                    segment.append("</g>")
                    groep.append("".join(segment))
                    sx += w
            y += balk_hoogte + balk_afstand
        groep.append("</g>")
        onderdelen.append("".join(groep))
        y += 12

    hoogte = y + marge - 12
    return "".join([*_open_svg(prefix, breedte, hoogte, titel, desc), *onderdelen, "</svg>"])

"""A schematic map of the municipality with a dot per kern, sized by a count per kern: its dorpsacties, or what
else the caller counts (the network's contributions)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapportage.svg.basis import (
    KAART_LIJN,
    KAART_VULLING,
    KERN_KLEUR,
    TEKST_ZACHT,
    _e,
    _id,
    _n,
    _open_svg,
    _tekstbreedte,
    _wrap,
)


def _polygonen(geojson: dict) -> list[list[list[list[float]]]]:
    """All polygons (list of rings of [lon, lat]) in a FeatureCollection, Feature or bare geometry."""
    if not geojson:
        return []
    soort = geojson.get("type")
    if soort == "FeatureCollection":
        return [p for f in geojson.get("features", []) for p in _polygonen(f)]
    if soort == "Feature":
        return _polygonen(geojson.get("geometry") or {})
    if soort == "GeometryCollection":
        return [p for g in geojson.get("geometries", []) for p in _polygonen(g)]
    if soort == "Polygon":
        return [geojson.get("coordinates", [])]
    if soort == "MultiPolygon":
        return list(geojson.get("coordinates", []))
    return []


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Overlapping area of two boxes (x0, y0, x1, y1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


@dataclass(frozen=True)
class Eenheid:
    """What the dots count: the field of a kern that holds the number, and its Dutch singular and plural."""

    veld: str = "aantal_acties"
    enkelvoud: str = "dorpsactie"
    meervoud: str = "dorpsacties"

    def aantal(self, kern: dict) -> int:
        try:
            return max(0, int(kern.get(self.veld) or 0))
        except (TypeError, ValueError):
            return 0

    def tekst(self, n: int) -> str:
        return f"1 {self.enkelvoud}" if n == 1 else f"{n} {self.meervoud}"


DORPSACTIES = Eenheid()


def kaart(
    grens_geojson: dict,
    kernen: list[dict],
    *,
    titel: str,
    bron: str,
    id_prefix: str = "kaart",
    eenheid: Eenheid = DORPSACTIES,
) -> str:
    """Draw a schematic map: the municipal outline and one dot per kern, sized by its count (`eenheid`).

    kernen: [{"naam": "Arkel", "slug": "arkel", "soort": "dorp"|"stad", "lat": 51.864, "lon": 4.994,
    "aantal_acties": 3}, ...]
    """
    prefix = _id(id_prefix)
    breedte = 800.0
    marge = 20.0
    label_grootte = 12.0
    label_hoogte = label_grootte * 1.25

    polygonen = _polygonen(grens_geojson)
    punten: list[tuple[float, float]] = [
        (float(lon), float(lat)) for poly in polygonen for ring in poly for lon, lat, *_ in ring
    ]
    kern_punten = [(float(k["lon"]), float(k["lat"])) for k in kernen if k.get("lat") is not None]
    alle = punten + kern_punten
    if alle:
        lon_min = min(p[0] for p in alle)
        lon_max = max(p[0] for p in alle)
        lat_min = min(p[1] for p in alle)
        lat_max = max(p[1] for p in alle)
    else:
        lon_min, lon_max, lat_min, lat_max = 0.0, 1.0, 0.0, 1.0
    factor = math.cos(math.radians((lat_min + lat_max) / 2))
    span_x = max((lon_max - lon_min) * factor, 1e-9)
    span_y = max(lat_max - lat_min, 1e-9)
    binnen_breedte = breedte - 2 * marge
    # Room for labels and the largest dots near the edge.
    rand = 24.0
    schaal = (binnen_breedte - 2 * rand) / span_x
    kaart_hoogte = span_y * schaal + 2 * rand
    if kaart_hoogte > binnen_breedte:  # a very tall municipality: fit on height instead
        schaal = (binnen_breedte - 2 * rand) / span_y
        kaart_hoogte = binnen_breedte
    off_x = marge + rand + (binnen_breedte - 2 * rand - span_x * schaal) / 2
    off_y = marge + rand

    def project(lon: float, lat: float) -> tuple[float, float]:
        return off_x + (lon - lon_min) * factor * schaal, off_y + (lat_max - lat) * schaal

    kaart_onder = marge + kaart_hoogte
    legenda_y = kaart_onder + 14
    bron_regels = _wrap(bron, int(binnen_breedte / (0.6 * 11)))
    hoogte = legenda_y + 20 + 16 * len(bron_regels) + marge / 2

    # desc: every kern with its count, sorted by name
    gesorteerd = sorted(kernen, key=lambda k: str(k.get("naam", "")).casefold())
    if gesorteerd:
        lijst = "; ".join(f"{k.get('naam', '')}: {eenheid.aantal(k)}" for k in gesorteerd)
        totaal = sum(eenheid.aantal(k) for k in kernen)
        desc = (
            f"Kaart van de gemeente met {len(kernen)} kernen en het aantal {eenheid.meervoud} per kern "
            f"(in totaal {totaal}): {lijst}."
        )
    else:
        desc = "Kaart van de gemeente; er zijn geen kernen om te tonen."

    delen: list[str] = []

    # the outline
    paden = []
    for poly in polygonen:
        for ring in poly:
            if len(ring) < 3:
                continue
            coords = [project(float(p[0]), float(p[1])) for p in ring]
            paden.append("M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in coords) + " Z")
    if paden:
        delen.append(
            f'<path d="{" ".join(paden)}" fill="{KAART_VULLING}" stroke="{KAART_LIJN}" stroke-width="1.5" '
            f'stroke-linejoin="round" fill-rule="evenodd" aria-hidden="true"/>'
        )

    # dots
    max_n = max((eenheid.aantal(k) for k in kernen), default=0)
    stap = min(3.0, 16.0 / math.sqrt(max_n)) if max_n else 3.0
    geplaatst: list[dict] = []
    for kern in kernen:
        if kern.get("lat") is None or kern.get("lon") is None:
            continue
        n = eenheid.aantal(kern)
        cx, cy = project(float(kern["lon"]), float(kern["lat"]))
        r = 4.0 + stap * math.sqrt(n) if n else 3.5
        geplaatst.append({"kern": kern, "n": n, "cx": cx, "cy": cy, "r": r})

    # obstacles: every dot; then labels in order (the stad first, then the most acties, then by name)
    obstakels: list[tuple[float, float, float, float]] = [
        (d["cx"] - d["r"] - 1, d["cy"] - d["r"] - 1, d["cx"] + d["r"] + 1, d["cy"] + d["r"] + 1) for d in geplaatst
    ]
    label_boxen: list[tuple[float, float, float, float]] = []
    volgorde = sorted(
        geplaatst,
        key=lambda d: (d["kern"].get("soort") != "stad", -d["n"], str(d["kern"].get("naam", "")).casefold()),
    )
    for d in volgorde:
        label = f"{d['kern'].get('naam', '')} ({d['n']})"
        w = _tekstbreedte(label, label_grootte)
        h = label_hoogte
        cx, cy, r = d["cx"], d["cy"], d["r"]
        kandidaten: list[tuple[float, float]] = []  # top-left corners of the label box
        for extra in (0.0, 8.0, 18.0):
            a = r + 3 + extra
            kandidaten += [
                (cx + a, cy - h / 2),  # right
                (cx - a - w, cy - h / 2),  # left
                (cx - w / 2, cy - a - h),  # above
                (cx - w / 2, cy + a),  # below
                (cx + a * 0.7, cy - a * 0.7 - h),  # upper right
                (cx + a * 0.7, cy + a * 0.7),  # lower right
                (cx - a * 0.7 - w, cy - a * 0.7 - h),  # upper left
                (cx - a * 0.7 - w, cy + a * 0.7),  # lower left
            ]
        beste = None
        beste_score = math.inf
        eigen = (cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1)
        # Only what lies near this dot can collide: keeps placement fast when there are many kernen.
        zoekgebied = (
            min(x for x, _ in kandidaten) - 2,
            min(y for _, y in kandidaten) - 2,
            max(x for x, _ in kandidaten) + w + 2,
            max(y for _, y in kandidaten) + h + 2,
        )
        nabije_labels = [o for o in label_boxen if _overlap(zoekgebied, o)]
        nabije_obstakels = [o for o in obstakels if o != eigen and _overlap(zoekgebied, o)]
        for bx, by in kandidaten:
            box = (bx - 1, by, bx + w + 1, by + h)
            buiten = box[0] < 2 or box[1] < 2 or box[2] > breedte - 2 or box[3] > kaart_onder + 8
            score = sum(_overlap(box, o) for o in nabije_labels) * 10
            score += sum(_overlap(box, o) for o in nabije_obstakels)
            if buiten:
                score += 1e6
            if score == 0:
                beste = box
                break
            if score < beste_score:
                beste, beste_score = box, score
        d["label"] = label
        d["box"] = beste
        label_boxen.append(beste)

    for d in geplaatst:
        kern = d["kern"]
        naam = str(kern.get("naam", ""))
        cx, cy, r, n = d["cx"], d["cy"], d["r"], d["n"]
        stad = kern.get("soort") == "stad"
        vulling = f'fill="{KERN_KLEUR}"' if n else f'fill="#ffffff" stroke="{KERN_KLEUR}" stroke-width="1.5"'
        if stad:
            zijde = r * 1.8
            vorm = f'<rect x="{_n(cx - zijde / 2)}" y="{_n(cy - zijde / 2)}" width="{_n(zijde)}" height="{_n(zijde)}" '
            if n:
                vorm += f'{vulling} stroke="#ffffff" stroke-width="1"/>'
            else:
                vorm += f"{vulling}/>"
        else:
            vorm = f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {vulling}'
            vorm += ' stroke="#ffffff" stroke-width="1"/>' if n else "/>"
        bx0, by0, bx1, by1 = d["box"]
        # The estimated width is generous: anchor the text on the side of the box nearest to the dot.
        if bx0 >= cx:
            anker, tx = "start", bx0 + 1
        elif bx1 <= cx:
            anker, tx = "end", bx1 - 1
        else:
            anker, tx = "middle", (bx0 + bx1) / 2
        soort_tekst = " (stad)" if stad else ""
        delen.append(
            f"<g><title>{_e(naam)}{soort_tekst}: {eenheid.tekst(n)}</title>{vorm}"
            f'<rect x="{_n(bx0)}" y="{_n(by0)}" width="{_n(bx1 - bx0)}" height="{_n(by1 - by0)}" '
            f'fill="#ffffff" fill-opacity="0.6" rx="2"/>'
            f'<text x="{_n(tx)}" y="{_n(by1 - label_hoogte * 0.25)}" font-size="{_n(label_grootte)}" '
            f'text-anchor="{anker}">'
            f"{_e(d['label'])}</text></g>"
        )

    # legend
    lx = marge
    ly = legenda_y
    leg = ['<g aria-hidden="true" font-size="12">']
    leg.append(f'<circle cx="{_n(lx + 6)}" cy="{_n(ly + 6)}" r="6" fill="{KERN_KLEUR}"/>')
    leg.append(f'<text x="{_n(lx + 16)}" y="{_n(ly + 10)}">dorp</text>')
    lx += 16 + _tekstbreedte("dorp", 12) + 18
    leg.append(f'<rect x="{_n(lx)}" y="{_n(ly)}" width="12" height="12" fill="{KERN_KLEUR}"/>')
    leg.append(f'<text x="{_n(lx + 17)}" y="{_n(ly + 10)}">stad</text>')
    lx += 17 + _tekstbreedte("stad", 12) + 18
    leg.append(
        f'<circle cx="{_n(lx + 5)}" cy="{_n(ly + 6)}" r="3.5" fill="#ffffff" stroke="{KERN_KLEUR}" stroke-width="1.5"/>'
    )
    geen = f"geen {eenheid.meervoud}"
    leg.append(f'<text x="{_n(lx + 14)}" y="{_n(ly + 10)}">{_e(geen)}</text>')
    lx += 14 + _tekstbreedte(geen, 12) + 18
    tekst = f"stipgrootte en (getal) = aantal {eenheid.meervoud}"
    leg.append(f'<text x="{_n(lx)}" y="{_n(ly + 10)}">{tekst}</text>')
    leg.append("</g>")
    delen.append("".join(leg))

    by = legenda_y + 20
    for regel in bron_regels:
        by += 14
        delen.append(f'<text x="{_n(marge)}" y="{_n(by)}" font-size="11" fill="{TEKST_ZACHT}">{_e(regel)}</text>')

    return "".join([*_open_svg(prefix, breedte, hoogte, titel, desc), *delen, "</svg>"])

"""Tests for the server-side SVG figures (no database needed)."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rapportage.svg import KLEUREN, VULLING, kaart, stacked_bars

NS = {"s": "http://www.w3.org/2000/svg"}
BASIS = Path(__file__).resolve().parents[2]
GRENS = BASIS / "rapportage" / "data" / "molenlanden_grens.geojson"
DEMO = BASIS / "molenlanden" / "demo" / "data" / "demo.json"
BRON = "Gemeentegrens: CBS, gebiedsindeling 2021 (CC BY 4.0)"


def _dims(inhoud, planning, financien):
    return [
        {"label": label, "tellingen": dict(zip(KLEUREN, tellingen, strict=True))}
        for label, tellingen in zip(("Inhoud", "Planning", "Financiën"), (inhoud, planning, financien), strict=True)
    ]


RIJEN = [
    {"label": "A. Wonen en leven in Molenlanden", "dimensies": _dims((3, 1, 0, 0), (2, 1, 1, 0), (0, 0, 0, 7))},
    {"label": "B. Zorg en welzijn", "dimensies": _dims((0, 0, 0, 0), (1, 2, 3, 4), (5, 0, 0, 0))},
]


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well-formed
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def _alle_tekst(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def _viewbox(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    return x, y, w, h


def _aria(root: ET.Element) -> tuple[str, str]:
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    titel_id, desc_id = root.get("aria-labelledby").split()
    titel = root.find(f"s:title[@id='{titel_id}']", NS)
    desc = root.find(f"s:desc[@id='{desc_id}']", NS)
    assert titel is not None and desc is not None
    return titel.text, desc.text


def _grens():
    return json.loads(GRENS.read_text(encoding="utf-8"))


def _echte_kernen():
    kernen = json.loads(DEMO.read_text(encoding="utf-8"))["kernen"]
    return [
        {
            "naam": k["naam"],
            "slug": k["naam"].lower(),
            "soort": k["soort"],
            "lat": k["lat"],
            "lon": k["lon"],
            "aantal_acties": i % 6,
        }
        for i, k in enumerate(kernen)
    ]


def _segmenten(root: ET.Element) -> dict[str, tuple[float, str]]:
    """title text -> (width, fill) for every bar segment."""
    uit = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        titel = g.find("s:title", NS)
        rect = g.find("s:rect", NS)
        if titel is not None and rect is not None:
            uit.setdefault(titel.text, (float(rect.get("width")), rect.get("fill")))
    return uit


def _geen_verboden_svg(svg: str):
    for verboden in ("style=", "<script", "foreignObject", "href", "var(--"):
        assert verboden not in svg


# ---------------------------------------------------------------------------------------------------- stacked_bars


def test_stacked_bars_title_desc_and_aria():
    svg = stacked_bars(RIJEN, titel="In één oogopslag")
    root = _parse(svg)
    titel, desc = _aria(root)
    assert titel == "In één oogopslag"
    assert "A. Wonen en leven in Molenlanden: inhoud 3 groen, 1 oranje, 0 rood, 0 grijs;" in desc
    assert "planning 2 groen, 1 oranje, 1 rood, 0 grijs" in desc
    assert "financiën 0 groen, 0 oranje, 0 rood, 7 grijs" in desc
    assert "B. Zorg en welzijn: inhoud 0 groen, 0 oranje, 0 rood, 0 grijs" in desc
    assert root.get("viewBox")
    assert "DejaVu Sans" in root.get("font-family")
    _geen_verboden_svg(svg)


def test_stacked_bars_labels_counts_and_legend():
    root = _parse(stacked_bars(RIJEN, titel="t"))
    teksten = _alle_tekst(root)
    for woord in ("groen", "oranje", "rood", "grijs", "Inhoud", "Planning", "Financiën"):
        assert woord in teksten
    assert "A. Wonen en leven in Molenlanden" in teksten
    segmenten = _segmenten(root)
    for titel in (
        "Inhoud: 3 groen",
        "Inhoud: 1 oranje",
        "Planning: 2 groen",
        "Planning: 1 oranje",
        "Planning: 1 rood",
        "Financiën: 7 grijs",
        "Planning: 4 grijs",
        "Financiën: 5 groen",
    ):
        assert titel in segmenten
    # Every segment shows its number and its colour word, for print as well as for the eye.
    for label in ("3 groen", "1 oranje", "2 groen", "1 rood", "7 grijs", "4 grijs", "5 groen"):
        assert label in teksten
    # thema labels are bold
    bold = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("font-weight") == "bold"]
    assert any(t.text == "B. Zorg en welzijn" for t in bold)


def test_stacked_bars_segment_widths_proportional_and_colours():
    root = _parse(stacked_bars(RIJEN, titel="t"))
    segmenten = _segmenten(root)
    groen_w, groen_fill = segmenten["Inhoud: 3 groen"]
    oranje_w, oranje_fill = segmenten["Inhoud: 1 oranje"]
    assert groen_w == pytest.approx(3 * oranje_w, rel=0.01)
    assert groen_fill == VULLING["groen"] == "#1d6b32"
    assert oranje_fill == VULLING["oranje"] == "#f2a33a"
    # 1:2:3:4 in planning of thema B, all bars are equally long
    een = segmenten["Planning: 1 groen"][0]
    assert segmenten["Planning: 2 oranje"][0] == pytest.approx(2 * een, rel=0.01)
    assert segmenten["Planning: 3 rood"][0] == pytest.approx(3 * een, rel=0.01)
    assert segmenten["Planning: 4 grijs"][0] == pytest.approx(4 * een, rel=0.01)
    assert segmenten["Financiën: 7 grijs"][0] == pytest.approx(10 * een, rel=0.01)


def test_stacked_bars_text_colour_on_segments():
    root = _parse(stacked_bars(RIJEN, titel="t"))
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        rect, tekst = g.find("s:rect", NS), g.find("s:text", NS)
        if g.find("s:title", NS) is None or rect is None or tekst is None:
            continue
        if rect.get("fill") == "#ffffff":  # the outlined "geen inspanningen" bar
            assert tekst.get("fill") == "#1b1b1b"
            continue
        verwacht = "#1b1b1b" if rect.get("fill") == VULLING["oranje"] else "#ffffff"
        assert tekst.get("fill") == verwacht


def test_rood_is_hatched_so_it_differs_from_groen_by_more_than_hue():
    root = _parse(stacked_bars(RIJEN, titel="t", id_prefix="oog"))
    patroon = root.find(".//s:defs/s:pattern[@id='oog-rood']", NS)
    assert patroon is not None and len(patroon.findall("s:rect", NS)) == 2  # the red and its darker stripes
    in_patroon = set(patroon.findall("s:rect", NS))
    vullingen = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect") if r not in in_patroon]
    assert vullingen.count("url(#oog-rood)") == 3  # the legend and the two rood segments
    assert VULLING["rood"] not in vullingen  # never plain red


def test_stacked_bars_zero_total():
    root = _parse(stacked_bars(RIJEN, titel="t"))
    assert _alle_tekst(root).count("geen inspanningen") == 1


def test_stacked_bars_escapes_and_unique_ids():
    rijen = [{"label": "<script>alert(1)</script> & co", "dimensies": _dims((1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0))}]
    svg = stacked_bars(rijen, titel="Titel <b> & zo", id_prefix="eerste")
    assert "<script" not in svg
    root = _parse(svg)
    titel, desc = _aria(root)
    assert titel == "Titel <b> & zo"
    assert "<script>alert(1)</script> & co" in desc
    assert "<script>alert(1)</script> & co" in _alle_tekst(root)
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids and all(i.startswith("eerste-") for i in ids)
    assert len(ids) == len(set(ids))
    ander = _parse(stacked_bars(rijen, titel="t", id_prefix="tweede"))
    assert not {el.get("id") for el in ander.iter() if el.get("id")} & set(ids)


def test_stacked_bars_default_prefix_and_empty():
    root = _parse(stacked_bars([], titel="Leeg"))
    assert root.get("aria-labelledby") == "oogopslag-titel oogopslag-desc"
    assert _aria(root)[0] == "Leeg"


# ---------------------------------------------------------------------------------------------------- kaart


def test_kaart_title_desc_lists_every_kern_sorted():
    kernen = _echte_kernen()
    svg = kaart(_grens(), kernen, titel="Dorpsacties per kern", bron=BRON)
    root = _parse(svg)
    titel, desc = _aria(root)
    assert titel == "Dorpsacties per kern"
    posities = []
    for kern in kernen:
        stuk = f"{kern['naam']}: {kern['aantal_acties']}"
        assert stuk in desc
        posities.append((kern["naam"].casefold(), desc.index(stuk)))
    assert [p for _, p in sorted(posities)] == sorted(p for _, p in posities)
    assert BRON in _alle_tekst(root)
    _geen_verboden_svg(svg)


def test_kaart_labels_and_titles():
    kernen = _echte_kernen()
    root = _parse(kaart(_grens(), kernen, titel="t", bron=BRON))
    teksten = _alle_tekst(root)
    titels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    for kern in kernen:
        assert f"{kern['naam']} ({kern['aantal_acties']})" in teksten
        n = kern["aantal_acties"]
        woord = "dorpsactie" if n == 1 else "dorpsacties"
        assert any(t.startswith(kern["naam"]) and t.endswith(f": {n} {woord}") for t in titels)


def _kern_markers(root: ET.Element) -> dict[str, ET.Element]:
    uit = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        titel = g.find("s:title", NS)
        if titel is None or "dorpsactie" not in (titel.text or ""):
            continue
        naam = re.sub(r"( \(stad\))?: \d+ dorpsacties?$", "", titel.text)
        uit[naam] = g
    return uit


def test_kaart_dots_inside_viewbox_and_sized_by_count():
    kernen = _echte_kernen()
    root = _parse(kaart(_grens(), kernen, titel="t", bron=BRON))
    vx, vy, vw, vh = _viewbox(root)
    markers = _kern_markers(root)
    assert len(markers) == 21
    stralen = {}
    for kern in kernen:
        g = markers[kern["naam"]]
        cirkel = g.find("s:circle", NS)
        if kern["soort"] == "stad":
            assert cirkel is None
            vierkant = g.find("s:rect", NS)
            x, y, w = float(vierkant.get("x")), float(vierkant.get("y")), float(vierkant.get("width"))
            cx, cy, r = x + w / 2, y + w / 2, w / 2
        else:
            cx, cy, r = (float(cirkel.get(a)) for a in ("cx", "cy", "r"))
            if kern["aantal_acties"] == 0:
                assert cirkel.get("fill") == "#ffffff"
                assert cirkel.get("stroke") == "#003b5c"
            else:
                assert cirkel.get("fill") == "#003b5c"
            stralen.setdefault(kern["aantal_acties"], r)
        assert vx <= cx - r and cx + r <= vx + vw
        assert vy <= cy - r and cy + r <= vy + vh
    assert [stralen[n] for n in sorted(stralen)] == sorted(stralen.values())
    assert stralen[1] >= 4


def test_kaart_shape_not_squashed():
    """East-west extent of about 0.41° at 51.9° N is about twice the north-south extent of 0.12°."""
    root = _parse(kaart(_grens(), [], titel="t", bron=BRON))
    pad = root.find("s:path", NS).get("d")
    getallen = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", pad)]
    xs, ys = getallen[0::2], getallen[1::2]
    ratio = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert 1.8 < ratio < 2.4
    assert root.find("s:path", NS).get("fill") == "#e8eef2"


def _label_boxen(root: ET.Element) -> list[tuple[float, float, float, float]]:
    boxen = []
    for g in _kern_markers(root).values():
        rects = g.findall("s:rect", NS)
        achter = rects[-1]  # the label backing box is the last rect in the group
        x, y, w, h = (float(achter.get(a)) for a in ("x", "y", "width", "height"))
        boxen.append((x, y, x + w, y + h))
    return boxen


def test_kaart_real_kernen_labels_do_not_overlap():
    root = _parse(kaart(_grens(), _echte_kernen(), titel="t", bron=BRON))
    vx, vy, vw, vh = _viewbox(root)
    boxen = _label_boxen(root)
    assert len(boxen) == 21
    for i, a in enumerate(boxen):
        assert vx <= a[0] and a[2] <= vx + vw and vy <= a[1] and a[3] <= vy + vh
        for b in boxen[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_kaart_multipolygon():
    grens = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[[4.6, 51.8], [4.8, 51.8], [4.8, 51.9], [4.6, 51.9], [4.6, 51.8]]],
                        [
                            [[4.85, 51.8], [5.0, 51.8], [5.0, 51.95], [4.85, 51.95], [4.85, 51.8]],
                            [[4.9, 51.85], [4.95, 51.85], [4.95, 51.9], [4.9, 51.85]],
                        ],
                    ],
                },
            }
        ],
    }
    kernen = [{"naam": "Eiland", "slug": "eiland", "soort": "dorp", "lat": 51.85, "lon": 4.7, "aantal_acties": 2}]
    root = _parse(kaart(grens, kernen, titel="t", bron=BRON))
    pad = root.find("s:path", NS).get("d")
    assert pad.count("M") == 3
    assert root.find("s:path", NS).get("fill-rule") == "evenodd"
    assert "Eiland: 2" in _aria(root)[1]


def test_kaart_escapes_names():
    kernen = [
        {"naam": "<script>x</script>", "slug": "x", "soort": "dorp", "lat": 51.9, "lon": 4.8, "aantal_acties": 1},
        {"naam": "Kraai & Zonen", "slug": "k", "soort": "stad", "lat": 51.88, "lon": 4.9, "aantal_acties": 0},
    ]
    svg = kaart(_grens(), kernen, titel="Kaart <x>", bron="Bron & <b>", id_prefix="k1")
    assert "<script" not in svg
    root = _parse(svg)
    titel, desc = _aria(root)
    assert titel == "Kaart <x>"
    assert "<script>x</script>: 1" in desc and "Kraai & Zonen: 0" in desc
    teksten = _alle_tekst(root)
    assert "<script>x</script> (1)" in teksten and "Kraai & Zonen (0)" in teksten
    assert "Bron & <b>" in teksten
    assert root.get("aria-labelledby") == "k1-titel k1-desc"

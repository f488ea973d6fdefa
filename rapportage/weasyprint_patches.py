"""Small patches to WeasyPrint 70.0 and pydyf 0.13.0 for the tagged PDF (PDF/A-2a), applied once by rapportage.pdf.

Each one is for exactly these versions: on any other version nothing is patched and a warning is logged (the PDF
tests then say what is missing). Remove a patch when the pinned version has the fix.

1. Speed. pydyf's `PDF.page_references` is a property that builds a tuple of every page's reference each time it
   is read, and WeasyPrint's tagging (`weasyprint.pdf.tags._build_box_tree`) reads it once per structure element:
   quadratic in pages × elements (add_tags was 6.5 % of the demo's 10× render, 366 pages in two documents, and grows
   with the square of a document's length). The patch keeps the tuple until a page is added; the PDF is byte for
   byte the same (tests/rapportage/test_weasyprint_patches.py, which also counts the rebuilds). Upstream: no report
   found in Kozea/pydyf or Kozea/WeasyPrint; to file at Kozea/pydyf: "PDF.page_references rebuilds the whole tuple
   on every access, which makes WeasyPrint's add_tags quadratic in pages", with the same caching as the fix.
2. Table header cells get /Scope (/Row for scope="row" or "rowgroup", otherwise /Column), which PDF/UA asks for
   where the table is read by scope: Kozea/WeasyPrint#2508 (open, "PDF/UA: Tags for header cells in tables are
   missing").
3. A link annotation's /Contents is the link's own text (what a screen reader says), not its target: WeasyPrint
   writes the target, for internal links an anchor id such as "inspanning-a1" (see Kozea/WeasyPrint#2482, the
   umbrella issue for PDF/UA).
4. An SVG figure's /Alt is its <title> followed by its <desc>: WeasyPrint takes only the title, so the data that the
   chart's description carries would be lost in the PDF.
5. Speed. WeasyPrint lays out and draws SVG <text> one letter at a time (weasyprint/svg/text.py), because x, y, dx,
   dy and rotate may position each letter: three quarters of the time spent drawing our charts. A text with one
   position and no per-letter attributes is laid out and drawn as one run (with the font's own spacing; a chart of
   40 labels renders about 4× faster). Upstream: not reported yet; to file at Kozea/WeasyPrint: "SVG text is laid
   out letter by letter even when nothing positions single letters", with this fast path as the proposal.
6. Memory. WeasyPrint's user-agent stylesheet gives *every* element ::marker, ::footnote-call, ::footnote-marker,
   ::note-call, ::note-marker and ::note-callback styles (`::marker { … }` and the like without an element), and the
   cascade computes a style for each of those pseudo-elements of each element: six extra styles per element, never
   shared. Our documents have no footnotes or notes and markers only on list items, so the patched sheet leaves the
   footnote and note rules out and gives ::marker to li and summary only: the PDF is byte for byte the same
   (tests/rapportage/test_weasyprint_patches.py), the 10× Update's peak memory falls from about 560 to 420 MB.
   Only for documents without `float: footnote` or notes. Upstream: not reported yet; to file at Kozea/WeasyPrint:
   "The UA stylesheet makes the cascade compute six pseudo-element styles for every element".
7. Memory. A page's content stream stays a list of one small bytes object per PDF operator (several thousand per
   page) until the whole document is written, after the last page. Once a page is painted nothing is added to its
   stream, so the patch joins the list into one bytes object there, as pydyf would at the end: the PDF is byte for
   byte the same (tests/rapportage/test_weasyprint_patches.py). Upstream: not reported yet; to file at
   Kozea/WeasyPrint: "Page content streams are held as lists of small objects until the PDF is written".
8. Speed. pydyf's `PDF.write` serialises every object, and with a file identifier (PDF/A always has one) serialises
   them all a second time to hash them for the trailer's /ID: every structure element again, and every stream
   compressed again at zlib level 9 (a twentieth of the 10× render). Nothing changes an object while it is written,
   so the patch keeps each stream's compressed serialisation for the length of `write` (the small objects are cheap
   to serialise again, and keeping them all would cost memory): the PDF is byte for byte the same
   (tests/rapportage/test_weasyprint_patches.py). Upstream: not reported yet; to file at Kozea/pydyf: "PDF.write
   serialises and compresses every object twice when an identifier is asked for".
9. Speed. A leader (`leader(".")` in the contents) is laid out as one text box per dot, each drawn, tagged and
   written on its own: some 150 per line of the contents, a third of all the text boxes the 10× Update draws. The
   patch lets WeasyPrint place the dots as before and then puts them into one text box of the same dots, at the
   place of the first, when Pango lays the joined text out at exactly their width (no kerning between the dots);
   otherwise it leaves them as they are. The page looks the same and reads the same
   (tests/rapportage/test_weasyprint_patches.py). Upstream: not reported yet; to file at Kozea/WeasyPrint: "A leader
   is drawn as one text box per repetition".
"""

from __future__ import annotations

import logging
import re
import threading

import pydyf
import weasyprint
import weasyprint.document
import weasyprint.html
import weasyprint.layout.inline
import weasyprint.svg
from weasyprint.layout.leader import leader_index
from weasyprint.pdf import tags
from weasyprint.text.line_break import create_layout, line_size

logger = logging.getLogger(__name__)

VERSIES = {"weasyprint": "70.0", "pydyf": "0.13.0"}
SVG = "{http://www.w3.org/2000/svg}"

ORIGINELE_PAGE_REFERENCES = pydyf.PDF.page_references
ORIGINELE_BUILD_BOX_TREE = tags._build_box_tree
ORIGINELE_SVG_TEXT = weasyprint.svg.TAGS["text"]
PER_LETTER = ("dx", "dy", "rotate", "textLength")
ORIGINEEL_UA_STYLESHEET = weasyprint.UA_STYLESHEET
ORIGINELE_PAINT = weasyprint.document.Page.paint
ORIGINELE_WRITE = pydyf.PDF.write
ORIGINELE_STREAM_DATA = pydyf.Stream.data
ORIGINELE_HANDLE_LEADER = weasyprint.layout.inline.handle_leader


def toepassen() -> bool:
    """Applies the patches once; False (with a warning) on versions they were not written for."""
    gevonden = {"weasyprint": weasyprint.__version__, "pydyf": pydyf.__version__}
    if gevonden != VERSIES:
        logger.warning("WeasyPrint-patches niet toegepast: geschreven voor %s, gevonden %s", VERSIES, gevonden)
        return False
    pydyf.PDF.page_references = property(_page_references)
    tags._build_box_tree = _build_box_tree
    # draw_node recognises text nodes by comparing TAGS[tag] with the package's `text`: replace both together.
    for naam, functie in weasyprint.svg.TAGS.items():
        if functie is ORIGINELE_SVG_TEXT:
            weasyprint.svg.TAGS[naam] = _svg_tekst
    weasyprint.svg.text = _svg_tekst
    weasyprint.UA_STYLESHEET = ua_zonder_voetnoten()  # HTML._ua_stylesheets reads this name
    weasyprint.document.Page.paint = _paint
    pydyf.PDF.write = _write
    pydyf.Stream.data = property(_onthouden(ORIGINELE_STREAM_DATA.fget))
    weasyprint.layout.inline.handle_leader = _handle_leader  # iter_line_boxes calls it by this name
    return True


def ua_zonder_voetnoten() -> weasyprint.CSS:
    """WeasyPrint's HTML stylesheet without footnote and note pseudo-elements, and ::marker for list items only."""
    regels = [r for r in weasyprint.html.UA.splitlines() if not r.startswith(("::footnote-", "::note-"))]
    tekst = "\n".join(regels).replace("\n::marker {", "\nli::marker, summary::marker {", 1)
    # Its @counter-style rules are already in UA_COUNTER_STYLE from the original sheet: WeasyPrint says so, harmlessly.
    weasyprint_logger = logging.getLogger("weasyprint")
    niveau = weasyprint_logger.level
    weasyprint_logger.setLevel(logging.ERROR)
    try:
        return weasyprint.CSS(string=tekst, counter_style=weasyprint.html.UA_COUNTER_STYLE)
    finally:
        weasyprint_logger.setLevel(niveau)


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    # Pages are only ever appended (PDF.add_page), so the number of kids tells whether the tuple is still right.
    kids = pdf.pages["Kids"]
    bewaard = pdf.__dict__.get("_paginaverwijzingen")
    if bewaard is None or bewaard[0] != len(kids):
        bewaard = (len(kids), ORIGINELE_PAGE_REFERENCES.fget(pdf))
        pdf.__dict__["_paginaverwijzingen"] = bewaard
    return bewaard[1]


def _build_box_tree(box, parent, pdf, page_number, nums, annotations, tags_):
    # WeasyPrint's recursion calls the module's _build_box_tree, so every box of the page passes through here.
    echte_box = getattr(box, "_box", box)  # an AbsolutePlaceholder stands for its box
    if echte_box.link_annotation is not None and (tekst := _tekst(echte_box.element)):
        echte_box.link_annotation["Contents"] = pydyf.String(tekst)
    for element in ORIGINELE_BUILD_BOX_TREE(box, parent, pdf, page_number, nums, annotations, tags_):
        if element["S"] == "/TH" and echte_box.element is not None:
            scope = echte_box.element.attrib.get("scope", "")
            element["A"]["Scope"] = "/Row" if scope in ("row", "rowgroup") else "/Column"
        elif element["S"] == "/Figure" and echte_box.element.tag == f"{SVG}svg":
            delen = [_tekst(echte_box.element.find(f"{SVG}{naam}")) for naam in ("title", "desc")]
            if any(delen):
                element["Alt"] = pydyf.String(" ".join(deel for deel in delen if deel))
        yield element


def _paint(page, stream, scale=1):
    ORIGINELE_PAINT(page, stream, scale)
    # pydyf's Stream.data joins the same way; joined once, the data is that one item.
    stream.stream = [b"\n".join(pydyf._to_bytes(item) for item in stream.stream)]


_lokaal = threading.local()  # per thread: the serialisations kept while a PDF is written


def _write(pdf, *args, **kwargs):
    _lokaal.bewaard = {}
    try:
        return ORIGINELE_WRITE(pdf, *args, **kwargs)
    finally:
        _lokaal.bewaard = None


def _onthouden(data):
    def bewaarde_data(object_):
        bewaard = getattr(_lokaal, "bewaard", None)
        if bewaard is None:
            return data(object_)
        if (paar := bewaard.get(id(object_))) is None:
            paar = bewaard[id(object_)] = (object_, data(object_))  # the object too, so that its id stays its own
        return paar[1]

    return bewaarde_data


def _handle_leader(context, line, containing_block):
    ORIGINELE_HANDLE_LEADER(context, line, containing_block)
    _, leader = leader_index(line)
    if leader is None or len(leader.children) < 2:
        return
    stippen = leader.children  # right to left, each one repetition wide, side by side
    eerste = min(stippen, key=lambda stip: stip.position_x)
    tekst = eerste.text * len(stippen)
    layout = create_layout(tekst, eerste.style, context, None, eerste.justification_spacing)
    breedte, _ = line_size(layout.get_first_line()[0], eerste.style)
    if abs(breedte - sum(stip.width for stip in stippen)) > 0.01:  # kerning or a ligature: keep them apart
        return
    samen = eerste.copy_with_text(tekst)
    samen.pango_layout, samen.width = layout, breedte
    leader.children = (samen,)


def _tekst(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


class _EenRun(str):
    """A text that WeasyPrint's letter loop (`for char in node.text`) sees as a single letter."""

    def __iter__(self):
        yield str(self)


def _svg_tekst(svg, node, font_size):
    tekst = node._etree_node.text
    if node.tag not in ("text", "tspan") or not tekst or len(tekst) < 2 or not _een_positie(node):
        return ORIGINELE_SVG_TEXT(svg, node, font_size)
    node._etree_node.text = _EenRun(tekst)
    try:
        return ORIGINELE_SVG_TEXT(svg, node, font_size)
    finally:
        node._etree_node.text = tekst


def _een_positie(node) -> bool:
    if any(node.get(naam) for naam in PER_LETTER) or node.get("letter-spacing", "normal") not in ("normal", "0"):
        return False
    return not any(re.search(r"[\s,]", node.get(as_, "").strip()) for as_ in ("x", "y"))

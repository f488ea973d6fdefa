"""The patches to WeasyPrint's tagging: applied only to the pinned versions, and the speed-up changes no byte."""

from __future__ import annotations

import logging
from collections import Counter

import pydyf
import pytest
import weasyprint
import weasyprint.document
import weasyprint.layout.inline
import weasyprint.svg
from weasyprint import HTML
from weasyprint.pdf import tags

from rapportage import weasyprint_patches

pytestmark = pytest.mark.pdf

# Thirty pages of headings, paragraphs, a list and a table: a few hundred structure elements.
HTML_TEKST = "<html lang='nl'><head><title>Proef</title></head><body>" + "".join(
    f"<h2 style='break-before: page'>Hoofdstuk {n}</h2><p>Tekst <a href='#h{n}'>naar {n}</a>.</p>"
    f"<ul><li>een</li><li>twee</li></ul><table><tr><th scope='col'>Kop</th></tr><tr><td id='h{n}'>{n}</td></tr></table>"
    for n in range(30)
)


def _render() -> bytes:
    return HTML(string=HTML_TEKST).write_pdf(pdf_variant="pdf/a-2a", pdf_identifier=b"proef")


def test_the_patches_are_applied_to_the_pinned_versions():
    assert (weasyprint.__version__, pydyf.__version__) == ("70.0", "0.13.0")
    assert tags._build_box_tree is weasyprint_patches._build_box_tree
    assert pydyf.PDF.page_references is not weasyprint_patches.ORIGINELE_PAGE_REFERENCES
    assert weasyprint.UA_STYLESHEET is not weasyprint_patches.ORIGINEEL_UA_STYLESHEET
    assert weasyprint.document.Page.paint is weasyprint_patches._paint
    assert pydyf.PDF.write is weasyprint_patches._write
    assert weasyprint.layout.inline.handle_leader is weasyprint_patches._handle_leader


def test_on_another_version_nothing_is_patched_and_a_warning_says_so(monkeypatch, caplog):
    monkeypatch.setattr(tags, "_build_box_tree", weasyprint_patches.ORIGINELE_BUILD_BOX_TREE)
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with caplog.at_level(logging.WARNING, logger="rapportage.weasyprint_patches"):
        assert weasyprint_patches.toepassen() is False
    assert tags._build_box_tree is weasyprint_patches.ORIGINELE_BUILD_BOX_TREE
    assert "niet toegepast" in caplog.text


def test_cached_page_references_change_no_byte_of_the_tagged_pdf(monkeypatch):
    gepatcht = _render()
    monkeypatch.setattr(pydyf.PDF, "page_references", weasyprint_patches.ORIGINELE_PAGE_REFERENCES)
    assert _render() == gepatcht


def test_the_page_references_are_built_once_per_page_added_not_once_per_structure_element(monkeypatch):
    # The quadratic cost upstream: without the patch the tuple of all page references is rebuilt for every element.
    aanroepen = []
    origineel = weasyprint_patches.ORIGINELE_PAGE_REFERENCES.fget

    def tel(pdf):
        aanroepen.append(1)
        return origineel(pdf)

    monkeypatch.setattr(weasyprint_patches, "ORIGINELE_PAGE_REFERENCES", property(tel))
    _render()
    gepatcht = len(aanroepen)
    aanroepen.clear()
    monkeypatch.setattr(pydyf.PDF, "page_references", property(tel))
    _render()
    assert gepatcht <= 31  # once per page at most (bookmarks are added while pages are)
    assert len(aanroepen) > 10 * gepatcht


SVG_LABELS = "".join(
    f'<text x="10" y="{20 + i * 14}">Thema {i}: 12 groen</text><text x="390" y="{20 + i * 14}" text-anchor="end">'
    f"{i * 7} rood</text>"
    for i in range(20)
)
SVG_HTML = (
    "<html lang='nl'><head><title>Grafiek</title></head><body><svg xmlns='http://www.w3.org/2000/svg' width='400' "
    f"height='300'><title>Grafiek</title><desc>Twintig thema's</desc>{SVG_LABELS}</svg></body></html>"
)


def _tekstoperaties(pdf: bytes) -> tuple[str, int]:
    import io

    import pikepdf
    import pypdf

    tekst = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        aantal = sum(1 for _, op in pikepdf.parse_content_stream(doc.pages[0]) if str(op) in ("Tj", "TJ"))
    return tekst, aantal


def test_svg_text_with_one_position_is_drawn_as_one_run_with_the_same_text(monkeypatch):
    gepatcht = _tekstoperaties(HTML(string=SVG_HTML).write_pdf())
    for naam in ("text", "tspan", "a", "textPath"):
        monkeypatch.setitem(weasyprint.svg.TAGS, naam, weasyprint_patches.ORIGINELE_SVG_TEXT)
    monkeypatch.setattr(weasyprint.svg, "text", weasyprint_patches.ORIGINELE_SVG_TEXT)
    per_letter = _tekstoperaties(HTML(string=SVG_HTML).write_pdf())
    assert gepatcht[0] == per_letter[0]
    assert "Thema 19: 12 groen" in gepatcht[0] and "133 rood" in gepatcht[0]
    assert gepatcht[1] == 20  # one per start-anchored label (end-anchored ones are drawn in a group of their own)
    assert per_letter[1] > 10 * gepatcht[1]  # one per letter


def test_the_lighter_ua_stylesheet_changes_no_byte_and_computes_no_footnote_styles(monkeypatch):
    # A numbered list keeps its markers; every element without the patch gets six pseudo-element styles.
    tekst = HTML_TEKST.replace("<ul>", "<ol>").replace("</ul>", "</ol>")
    gepatcht = HTML(string=tekst).write_pdf(pdf_variant="pdf/a-2a", pdf_identifier=b"proef")
    stijlen = HTML(string=tekst)._ua_stylesheets()[0].matcher

    monkeypatch.setattr(weasyprint, "UA_STYLESHEET", weasyprint_patches.ORIGINEEL_UA_STYLESHEET)
    assert HTML(string=tekst).write_pdf(pdf_variant="pdf/a-2a", pdf_identifier=b"proef") == gepatcht
    element = next(iter(HTML(string=tekst).wrapper_element.iter_subtree()))
    pseudo = {selector[2] for selector in weasyprint_patches.ORIGINEEL_UA_STYLESHEET.matcher.match(element)}
    assert {"footnote-call", "note-call", "marker"} <= pseudo
    assert not {"footnote-call", "note-call", "marker"} & {selector[2] for selector in stijlen.match(element)}


def test_a_painted_page_keeps_its_content_as_one_joined_item_and_the_pdf_changes_no_byte(monkeypatch):
    stromen = []
    gepatcht_paint = weasyprint.document.Page.paint

    def bewaar(page, stream, scale=1):
        gepatcht_paint(page, stream, scale)
        stromen.append(stream)

    monkeypatch.setattr(weasyprint.document.Page, "paint", bewaar)
    gepatcht = _render()
    assert len(stromen) == 30 and all(len(stroom.stream) == 1 for stroom in stromen)
    assert all(b" Tj" in stroom.stream[0] or b" TJ" in stroom.stream[0] for stroom in stromen)

    monkeypatch.setattr(weasyprint.document.Page, "paint", weasyprint_patches.ORIGINELE_PAINT)
    assert _render() == gepatcht


def test_writing_the_pdf_serialises_every_stream_once_and_changes_no_byte(monkeypatch):
    gedaan = []
    origineel = weasyprint_patches.ORIGINELE_STREAM_DATA.fget

    def tel(stream):
        gedaan.append(id(stream))
        return origineel(stream)

    monkeypatch.setattr(pydyf.Stream, "data", property(weasyprint_patches._onthouden(tel)))
    gepatcht = _render()
    assert len(gedaan) == len(set(gedaan)) > 30  # every page's content stream, each serialised and compressed once

    gedaan.clear()
    monkeypatch.setattr(pydyf.PDF, "write", weasyprint_patches.ORIGINELE_WRITE)
    monkeypatch.setattr(pydyf.Stream, "data", property(tel))
    assert _render() == gepatcht
    # Upstream: once to write, once more for the /ID hash; only the cross-reference stream, made after the hash, once.
    assert sorted(Counter(gedaan).values()) == [1] + [2] * (len(set(gedaan)) - 1)


INHOUD_HTML = (
    "<html lang='nl'><head><title>Inhoud</title><style>a::after { content: leader('.') ' ' "
    "target-counter(attr(href), page) }</style></head><body><ul>"
    + "".join(f"<li><a href='#h{n}'>Hoofdstuk {n}</a></li>" for n in range(12))
    + "</ul>"
    + "".join(f"<h2 id='h{n}' style='break-before: page'>Hoofdstuk {n}</h2>" for n in range(12))
    + "</body></html>"
)


def _inhoud(pdf: bytes) -> tuple[str, list[tuple[str, int]], int]:
    """The contents page: its text, where each page number stands (x), and how many text runs are drawn."""
    import io

    import pikepdf
    import pypdf

    pagina = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    nummers = []
    tekst = pagina.extract_text(
        visitor_text=lambda t, cm, tm, *_: (
            nummers.append((t.strip(), round(pypdf.mult(tm, cm)[4]))) if t.strip().isdigit() else None
        )
    )
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        runs = sum(1 for _, op in pikepdf.parse_content_stream(doc.pages[0]) if str(op) in ("Tj", "TJ"))
    return tekst, nummers, runs


def test_a_leader_is_drawn_as_one_run_of_the_same_dots_with_the_page_numbers_in_place(monkeypatch):
    tekst, nummers, runs = _inhoud(HTML(string=INHOUD_HTML).write_pdf(pdf_variant="pdf/a-2a"))
    monkeypatch.setattr(weasyprint.layout.inline, "handle_leader", weasyprint_patches.ORIGINELE_HANDLE_LEADER)
    per_stip = _inhoud(HTML(string=INHOUD_HTML).write_pdf(pdf_variant="pdf/a-2a"))

    assert "".join(tekst.split()) == "".join(per_stip[0].split())  # the same words, dots and numbers
    assert tekst.count(".") == per_stip[0].count(".") > 12 * 50
    assert nummers == per_stip[1] and [nummer for nummer, _ in nummers] == [str(n) for n in range(2, 14)]
    assert runs <= 12 * 4  # per line: title, dots, number (and a space)
    assert per_stip[2] > 12 * 50  # upstream: one per dot

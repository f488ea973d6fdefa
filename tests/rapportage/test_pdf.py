"""The archival PDF of an edition: pages, table of contents, bookmarks, running headers, PDF/A-2a and tags."""

from __future__ import annotations

import html
import io
import re

import pikepdf
import pypdf
import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.db import transaction
from django.test import override_settings

from rapportage.builder import build_structuur
from rapportage.models import Rapportage
from rapportage.pdf import StorageFetcher, lichter, render_pdf
from rapportage.rendering import render_context
from tests.kleine_editie import KLEUREN, kleine_editie

# Every test, so that pytest-django sets up the test database for the module-scoped render below.
pytestmark = [pytest.mark.django_db, pytest.mark.pdf]


@pytest.fixture(scope="module")
def gerenderd(django_db_setup, django_db_blocker, tmp_path_factory) -> tuple[bytes, list[str]]:
    """Rendered once for this module, with the <desc> of every chart; the data is rolled back afterwards."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        structuur = build_structuur(kleine_editie())
        inhoud = render_pdf(structuur)
        context = render_context(structuur)
        transaction.set_rollback(True)
    svgs = context["svg_oogopslag"] + context["svg_kaart"]
    return inhoud, [html.unescape(desc) for desc in re.findall(r"<desc[^>]*>(.*?)</desc>", svgs)]


@pytest.fixture(scope="module")
def pdf(gerenderd) -> bytes:
    return gerenderd[0]


@pytest.fixture(scope="module")
def reader(pdf) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _tekst(reader, pagina: int) -> str:
    return reader.pages[pagina - 1].extract_text()


def _outline(reader) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) for every bookmark, in order."""

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, item.title, reader.get_destination_page_number(item) + 1

    return list(walk(reader.outline, 1))


def _bovenmarge(reader, pagina: int) -> str:
    """The text drawn in the top page margin: the running header."""
    page = reader.pages[pagina - 1]
    grens = float(page.mediabox.height) - 21 * 72 / 25.4  # the top margin is 22 mm
    delen = []

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip() and pypdf.mult(tm, cm)[5] > grens:
            delen.append(text)

    page.extract_text(visitor_text=visitor)
    return " ".join(delen)


def test_page_count(reader):
    # cover, key message with the matrix, contents with the short inleiding, oogopslag, thema A (2 pages),
    # thema B (2 pages), dorpen
    assert len(reader.pages) == 9


def test_page_2_has_the_key_message_and_the_matrix_of_every_inspanning(reader):
    pagina = _tekst(reader, 2)
    assert pagina.startswith("Kernboodschap")
    assert "Stand op 1 juni 2021: 5 inspanningen in 2 pittige thema's." in pagina
    assert re.search(r"1 rood\s?: A3", pagina) and re.search(r"1 oranje\s?: A2", pagina)
    assert "Alle inspanningen met hun oordeel op inhoud, planning en financiën" in pagina
    for code in KLEUREN:
        assert f"{code} Inspanning {code}" in pagina


def test_a_short_introduction_does_not_get_a_page_of_its_own(reader):
    assert "Een korte inleiding." in _tekst(reader, 3)  # below the contents
    assert "Inhoud" in _tekst(reader, 3)


def test_body_text_is_at_least_10_points(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        groottes = set()
        for operands, operator in pikepdf.parse_content_stream(doc.pages[4]):
            if operator == pikepdf.Operator("Tf"):
                groottes.add(float(operands[1]))
    assert max(groottes) >= 10  # the body, beside headings and the smaller running header and footer


def test_the_outline_has_every_thema_at_level_1_and_its_inspanningen_at_level_2(reader):
    outline = _outline(reader)
    level1 = [(titel, pagina) for level, titel, pagina in outline if level == 1]
    assert [titel for titel, _ in level1] == [
        "Kernboodschap",
        "Inleiding",
        "In één oogopslag",
        "A. Wonen in de kernen",
        "B. Verkeer en veiligheid",
        "In de dorpen en de stad",
    ]
    pagina = dict(level1)
    assert (pagina["A. Wonen in de kernen"], pagina["B. Verkeer en veiligheid"]) == (5, 7)
    level2 = [titel.split()[0] for level, titel, _ in outline if level == 2]
    assert level2 == ["A1", "A2", "A3", "B1", "B2", "Arkel"]
    assert outline[outline.index((1, "A. Wonen in de kernen", 5)) + 1][:2] == (2, "A1 Inspanning A1")


def test_the_table_of_contents_gives_the_pages_the_bookmarks_point_to(reader):
    toc = _tekst(reader, 3)
    assert "Inhoud" in toc
    for level, titel, pagina in _outline(reader):
        if level == 1:
            match = re.search(re.escape(titel) + r"[\s.]*?(\d+)\s*$", toc, re.MULTILINE)
            assert match, f"{titel!r} niet in de inhoudsopgave:\n{toc}"
            assert int(match[1]) == pagina, titel


def test_the_footer_counts_pages_but_not_on_the_cover(reader):
    n = len(reader.pages)
    assert "Pagina 1 van" not in _tekst(reader, 1)
    assert "Concept — niet vastgesteld" in _tekst(reader, 1)
    assert f"Pagina 2 van {n}" in _tekst(reader, 2)
    for pagina in range(2, n + 1):  # a concept says so on every page, not only on its cover
        assert "Concept — niet vastgesteld" in _bovenmarge(reader, pagina)
    assert f"Pagina {n} van {n}" in _tekst(reader, n)


def test_the_running_header_names_the_thema(reader):
    assert _bovenmarge(reader, 1) == ""
    assert "A. Wonen in de kernen" in _bovenmarge(reader, 5)
    assert "A. Wonen in de kernen" in _bovenmarge(reader, 6)  # the thema's second page, without its heading
    assert "B. Verkeer en veiligheid" in _bovenmarge(reader, 7)
    assert "Testrapportage 2021" in _bovenmarge(reader, 7)


def test_pdf_a_2a_metadata_tags_and_language(pdf, reader):
    assert reader.metadata.title == "Testrapportage 2021"
    assert reader.metadata.author == "Gemeente Molenlanden"
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "A")
        assert doc.Root.OutputIntents[0].S == "/GTS_PDFA1"
        assert "/StructTreeRoot" in doc.Root
        assert doc.Root.MarkInfo.Marked
        assert str(doc.Root.Lang) == "nl"
        images = [image for page in doc.pages for image in page.get_images().values()]
        assert images
        assert not any(image.get("/Interpolate", False) for image in images)  # PDF/A forbids interpolation


def _structuurelementen(doc) -> list[pikepdf.Dictionary]:
    """Every element of the tag tree, depth first."""
    gevonden = []

    def walk(element):
        gevonden.append(element)
        kinderen = element.get("/K")
        if isinstance(kinderen, pikepdf.Dictionary):
            kinderen = [kinderen]
        for kind in kinderen if isinstance(kinderen, pikepdf.Array | list) else []:
            if isinstance(kind, pikepdf.Dictionary) and "/S" in kind:
                walk(kind)

    walk(doc.Root.StructTreeRoot)
    return gevonden


def test_every_table_header_cell_in_the_tag_tree_has_the_scope_of_its_html(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        koppen = [e for e in _structuurelementen(doc) if e.get("/S") == "/TH"]
        scopes = [str(kop.A.get("/Scope")) for kop in koppen]
    assert len(koppen) >= 15  # the matrix (five columns, two thema's, five inspanningen) and the totals
    assert set(scopes) == {"/Column", "/Row"}
    assert scopes.count("/Row") >= 5 + 3  # every inspanning in the matrix, every dimension in the totals


def test_every_link_says_where_it_goes_in_words_not_by_its_anchor(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        links = [a for page in doc.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"]
        beschrijvingen = [str(link.get("/Contents", "")) for link in links]
        doelen = {str(link.get("/Dest", "")) for link in links}
    assert len(links) >= 10  # the contents and the matrix
    for beschrijving in beschrijvingen:
        assert beschrijving.strip() and beschrijving not in doelen, beschrijving
        assert not re.fullmatch(r"[a-z0-9-]+", beschrijving), beschrijving
    assert "A. Wonen in de kernen" in beschrijvingen
    assert "Inspanning A1" in beschrijvingen  # the matrix's link to the inspanning, not "inspanning-a1"


def test_every_figure_has_an_alternative_text_with_the_data_of_its_chart(gerenderd):
    pdf, beschrijvingen = gerenderd
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        alts = [str(e.get("/Alt", "")) for e in _structuurelementen(doc) if e.get("/S") == "/Figure"]
    assert len(alts) >= 3  # the chart, the map and the photo
    assert all(alt.strip() for alt in alts), alts
    assert len(beschrijvingen) == 2
    for beschrijving in beschrijvingen:  # the numbers the page's <desc> carries
        assert re.search(r"\d", beschrijving)
        assert any(beschrijving in alt for alt in alts), beschrijving


def test_every_font_is_embedded(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        fonts = [f for page in doc.pages for f in page.resources.get("/Font", {}).values()]
        assert fonts
        for font in fonts:
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


def test_the_photo_is_embedded_and_badges_carry_their_word(reader):
    dorpen = next(pagina for level, titel, pagina in _outline(reader) if titel == "In de dorpen en de stad")
    page = reader.pages[dorpen - 1]
    assert [image.image.size for image in page.images] == [(60, 40)]
    assert "Speeltuin aan de dijk" in page.extract_text()
    thema_a = _tekst(reader, 5) + _tekst(reader, 6)
    for woord in ("Groen", "Oranje", "Rood"):
        assert woord in thema_a


def test_the_printed_html_loses_whitespace_between_blocks_and_hidden_spans_but_keeps_word_spaces_and_text():
    html = (
        '<section>\n  <h3>A1 <span class="x">Nieuw</span>\n  <span>Rood</span> '
        '<span aria-hidden="true">↓</span> slechter'
        "</h3>\n  <p>tekst</p>\n"
        "  <ul>\n    <li>een</li>\n    <li><strong>twee</strong> <a>drie</a></li>\n  </ul>\n"
        '  <svg><text x="1">a b</text>\n<title>t</title></svg>\n</section>'
    )
    assert lichter(html) == (
        '<section><h3>A1 <span class="x">Nieuw</span>\n  <span>Rood</span> ↓ slechter</h3><p>tekst</p>'
        "<ul><li>een</li><li><strong>twee</strong> <a>drie</a></li></ul>\n"
        '  <svg><text x="1">a b</text>\n<title>t</title></svg>\n</section>'
    )


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "https://example.org/logo.png", "https://rapportage.invalid/elders/x.png"],
)
def test_the_fetcher_refuses_anything_but_static_and_media(url):
    with pytest.raises(PermissionError):
        StorageFetcher().fetch(url)


@pytest.mark.parametrize("url", ["static/%2e%2e/%2e%2e/pdf.py", "media/%2e%2e/manage.py"])
def test_the_fetcher_stays_inside_static_and_media(url):
    with pytest.raises(SuspiciousFileOperation):
        StorageFetcher().fetch(f"https://rapportage.invalid/{url}")


def test_the_fetcher_reads_static_files_from_disk():
    response = StorageFetcher().fetch("https://rapportage.invalid/static/rapportage/print.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_the_demo_editions_render(settings, tmp_path):
    from molenlanden.demo.programma import load_demodata
    from rapportage import renders

    def get_pdf(editie):  # the stored file; a concept's made first, as the background worker would
        if not editie.is_vastgesteld:
            renders.nu_plannen(editie)
            editie.pdf_render.refresh_from_db()
        with (editie.pdf if editie.is_vastgesteld else editie.pdf_render.bestand).open("rb") as f:
            return f.read()

    settings.MEDIA_ROOT = tmp_path
    load_demodata(rapportages=True)  # adopts the wrap-up, which renders its PDF
    wrap_up = Rapportage.objects.get(soort="wrap_up")
    update = Rapportage.objects.get(soort="update")
    update_pdf = get_pdf(update)

    paginas = {}
    for editie, inhoud in ((wrap_up, get_pdf(wrap_up)), (update, update_pdf)):
        reader = pypdf.PdfReader(io.BytesIO(inhoud))
        paginas[editie.soort] = len(reader.pages)
        themas = [titel for level, titel, _ in _outline(reader) if level == 1 and re.match(r"[A-Z]\. ", titel)]
        assert len(themas) == len(editie.snapshot["themas"] if editie.snapshot else build_structuur(editie)["themas"])
    assert 15 <= paginas["wrap_up"] <= 30
    assert paginas["wrap_up"] < paginas["update"] <= 35  # the update adds a thema and "Wat is er veranderd"

    # The college's voortgangsrapportage: adopted with its appendix of planning and budget, the last bookmark.
    vgr = Rapportage.objects.get(soort="voortgang")
    with vgr.pdf.open("rb") as f:
        reader = pypdf.PdfReader(io.BytesIO(f.read()))
    bladwijzers = [titel for level, titel, _ in _outline(reader) if level == 1]
    assert bladwijzers == [
        "Kernboodschap",
        "Inleiding",
        "In één oogopslag",
        "Toelichting op oranje en rood",
        "Bijlage: planning en budget",
    ]
    assert 8 <= len(reader.pages) < paginas["wrap_up"]
    assert "€ 9.707,-" in " ".join(reader.pages[-1].extract_text().split())


@pytest.mark.parametrize("mislukt", [False, True])
def test_a_render_leaves_the_garbage_collector_of_the_worker_as_it_found_it(monkeypatch, mislukt):
    # During a render, Python's full collections are ours (rapportage.pdf): afterwards the worker's process collects
    # as before, also when the render fails. The process is frozen once, at its first render, and never again.
    import gc

    from rapportage import pdf

    editie = kleine_editie()
    render_pdf(build_structuur(editie))  # the first render in this process (or a later one)
    bevroren = gc.get_freeze_count()
    assert bevroren > 0
    if mislukt:
        monkeypatch.setattr(pdf.HTML, "render", lambda *a, **k: 1 / 0)
    drempels = gc.get_threshold()
    volledig = []
    gc.callbacks.append(teller := lambda fase, info: volledig.append(info) if fase == "stop" else None)
    try:
        if mislukt:
            with pytest.raises(ZeroDivisionError):
                render_pdf(build_structuur(editie))
        else:
            assert render_pdf(build_structuur(editie)).startswith(b"%PDF")
    finally:
        gc.callbacks.remove(teller)
    assert gc.get_threshold() == drempels
    assert gc.get_freeze_count() <= bevroren, "what a later render made is not frozen: it can be freed"
    # Full collections: before, after parsing and after the layout; none of Python's own in between.
    assert [info["generation"] for info in volledig].count(2) == (2 if mislukt else 3)


def test_what_lives_during_a_later_render_can_still_be_freed():
    # Frozen objects are never collected: only the process as it was at its first render is frozen, not what a
    # later render finds (the worker's next edition, its querysets), or every render would leave its cycles behind.
    import gc
    import weakref

    class Kring:
        pass

    editie = kleine_editie()
    render_pdf(build_structuur(editie))
    kring = Kring()
    kring.zelf = kring  # a reference cycle: only the collector frees it
    nog_daar = weakref.ref(kring)
    render_pdf(build_structuur(editie))
    del kring
    gc.collect()
    assert nog_daar() is None

"""The PDF rendering of an edition (WeasyPrint), from the report structure only.

The document is PDF/A-2a: archival and tagged. Static files and photos are read from disk and storage through a URL
fetcher that refuses everything else, so a render never touches the network (or our own server).
"""

from __future__ import annotations

import gc
import mimetypes
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from rapportage import weasyprint_patches
from rapportage.rendering import render_context

weasyprint_patches.toepassen()

# Site-relative URLs in the templates (/static/..., /media/...) resolve against this made-up origin;
# the fetcher serves that origin only, so nothing is ever fetched over HTTP.
BASE_URL = "https://rapportage.invalid/"
PRINT_CSS = "rapportage/print.css"

# Whitespace between two block-level tags (the templates' indentation) only costs WeasyPrint work: every run becomes
# a text box that is styled, laid out in an anonymous line and dropped. Between inline tags it is a word space and
# stays. Tags inside SVG figures are not in this list, so their text is untouched.
_BLOKKEN = "section|article|nav|div|p|h[1-6]|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td|figure|body"
_WIT_TUSSEN_BLOKKEN = re.compile(rf"(</?(?:{_BLOKKEN})\b[^>]*>)\s+(?=</?(?:{_BLOKKEN})\b)")
# A span that only hides its text from screen readers (the trend's arrow): WeasyPrint's tags ignore aria-hidden, so
# in the PDF it is one more inline box, and its own text run to lay out and draw, for nothing.
_VERBORGEN_SPAN = re.compile(r'<span aria-hidden="true">([^<]*)</span>')


@cache
def font_config() -> FontConfiguration:
    """One per process: building it scans the system fonts, which is the slow part of a small render."""
    return FontConfiguration()


@cache
def print_stylesheet() -> CSS:
    """One per process, parsed once (as WeasyPrint keeps its own user-agent stylesheets): its fonts are registered in
    the process's font configuration, and a document only reads it."""
    return CSS(filename=finders.find(PRINT_CSS), font_config=font_config())


class StorageFetcher(URLFetcher):
    """Serves STATIC_URL from the staticfiles finders and MEDIA_URL from default_storage; refuses anything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if (naam := _na_prefix(url, settings.STATIC_URL)) is not None:
            pad = finders.find(naam)
            if not pad:
                raise FileNotFoundError(f"static file not found: {naam}")
            return self._response(url, naam, Path(pad).read_bytes())
        if (naam := _na_prefix(url, settings.MEDIA_URL)) is not None:
            with default_storage.open(naam, "rb") as f:
                return self._response(url, naam, f.read())
        raise PermissionError(f"the PDF may only load static and media files, not {url}")

    @staticmethod
    def _response(url, naam, inhoud: bytes) -> URLFetcherResponse:
        soort = mimetypes.guess_type(naam)[0] or "application/octet-stream"
        return URLFetcherResponse(url, inhoud, {"Content-Type": soort})


def _na_prefix(url: str, prefix: str) -> str | None:
    """The file name after a STATIC_URL or MEDIA_URL prefix (site-relative or absolute), or None."""
    for begin in {urljoin(BASE_URL, prefix), prefix}:
        if begin.startswith(("http:", "https:")) and url.startswith(begin):
            return unquote(url[len(begin) :].split("?")[0].split("#")[0])
    return None


def lichter(html: str) -> str:
    """The page's HTML with fewer boxes for WeasyPrint, and the same text and look."""
    return _VERBORGEN_SPAN.sub(r"\1", _WIT_TUSSEN_BLOKKEN.sub(r"\1", html))


def render_pdf(structuur: dict) -> bytes:
    opties = {"stylesheets": [print_stylesheet()], "pdf_variant": "pdf/a-2a"}
    with _volledige_gc_na_elke_fase():
        context = render_context(structuur) | {"gemaakt_op": timezone.now().replace(microsecond=0).isoformat()}
        html = lichter(render_to_string("rapportage/pdf.html", context))
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StorageFetcher())
        gc.collect()
        opgemaakt = document.render(font_config=font_config(), **opties)
        gc.collect()
        return opgemaakt.write_pdf(**opties)


@contextmanager
def _volledige_gc_na_elke_fase() -> Iterator[None]:
    """Python's full garbage collections, at our moments instead of its own.

    A render makes millions of objects that live until the end (styles, boxes, pages), so Python's full collection
    runs again and again, each time over everything: over the process, and over the growing layout (a fifth of the
    render's CPU time at ten times the demo). During the render only the young generations are collected
    automatically, and a full collection runs before it, after parsing and after the layout, when the parser's tree
    and the boxes built before pagination have become garbage (reference cycles that only a full collection frees).

    The process itself is frozen once, at its first render (gc.freeze: every later collection leaves those objects
    out): Django, WeasyPrint, the fonts and the stylesheet are then not traversed at every render again (that was 8 %
    of a small render). A frozen object is still freed when nothing refers to it; only a reference cycle among them
    would stay. So the cost is bounded by what lived at that first moment, and what a later render finds (the next
    edition, its querysets) is never frozen and can always be freed (tests/rapportage/test_pdf.py).
    """
    gc.collect()
    if not gc.get_freeze_count():
        gc.freeze()
    jong, middel, oud = gc.get_threshold()
    gc.set_threshold(jong, middel, 1_000_000)  # a full collection only after a million young ones: not in a render
    try:
        yield
    finally:
        gc.set_threshold(jong, middel, oud)

"""The report part of an edition's page, rendered once per content and kept in the cache every worker shares.

Readers get the report as everyone reads it; the redactiegroep and the projectleider get it with the review blocks
(review_pagina fills in the threads per request). The worker that makes a concept's PDF renders both as well, so
after a change the first reader does not wait for them either.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.template.loader import render_to_string

from rapportage import review_pagina, selectors
from rapportage.models import Rapportage
from rapportage.rendering import render_context

# An adopted edition never changes, so this process may keep its page itself: no trip to the shared cache (a
# megabyte at ten times the programme) and no reading of its snapshot for every reader. A few editions, the most
# recently read.
VASTGESTELD_IN_PROCES = 8
_vastgesteld: OrderedDict[str, object] = OrderedDict()
_vastgesteld_slot = threading.Lock()


def _in_proces(sleutel: str, maak):
    with _vastgesteld_slot:
        if sleutel in _vastgesteld:
            _vastgesteld.move_to_end(sleutel)
            return _vastgesteld[sleutel]
    waarde = maak()
    with _vastgesteld_slot:
        _vastgesteld[sleutel] = waarde
        while len(_vastgesteld) > VASTGESTELD_IN_PROCES * 3:  # its report, its heading and its whole public page
            _vastgesteld.popitem(last=False)
    return waarde


# At ten times the programme, level 1 packs 1 MB of page into 77 kB in 2.3 ms. Level 6 makes 57 kB of it but takes
# 5.3 ms, which every render pays, and does not unpack faster.
ZLIB_NIVEAU = 1


def _ingepakt(cache_sleutel: str, maak, seconden: int | None) -> bytes:
    """A rendered page as UTF-8 from the cache, or rendered and kept there compressed: at ten times the programme
    a page is 1 MB of HTML that the database cache would store base64-encoded and every hit would read and decode;
    zlib makes it a thirteenth (its HTML repeats itself), and unpacking that is cheaper than reading the rest."""
    ingepakt = cache.get(cache_sleutel)
    if isinstance(ingepakt, bytes):
        return zlib.decompress(ingepakt)
    html = maak().encode()
    cache.set(cache_sleutel, zlib.compress(html, ZLIB_NIVEAU), seconden)
    return html


# Where the view puts the report into the page around it, as bytes: a megabyte of text with accents is decoded,
# copied through the template's blocks and encoded again in some 5 ms, a third of a warm page.
# The mark cannot come from any text on the page: the template escapes every "<" of it.
PLEK = "<!--rapport-wordt-hier-ingevoegd-->"


def met_rapport(response, rapport: bytes):
    response.content = response.content.replace(PLEK.encode(), rapport, 1)
    return response


def _rapport(editie: Rapportage, structuur: dict, review: dict | None) -> str:
    context = render_context(structuur) | {"editie": editie, "review": review}
    return render_to_string("rapportage/_rapport.html", context)


def rapport_utf8(editie: Rapportage, sleutel: str) -> bytes:
    def maak():
        return _rapport(editie, selectors.get_structuur(editie, sleutel), None)

    cache_sleutel = f"rapportage-html:{editie.pk}:{sleutel}"
    if not editie.is_vastgesteld:
        return _ingepakt(cache_sleutel, maak, selectors.CACHE_SECONDEN)
    # In the shared cache as long as it keeps anything, and in this process.
    return _in_proces(cache_sleutel, lambda: _ingepakt(cache_sleutel, maak, None))


def editie_kop(editie: Rapportage, sleutel: str) -> dict:
    """What the page around the report shows of the edition (an adopted one: from its snapshot, read once)."""
    if not editie.is_vastgesteld:
        return selectors.editie_kop(editie)
    return _in_proces(f"rapportage-kop:{editie.pk}:{sleutel}", lambda: selectors.editie_kop(editie))


def voor_iedereen_gelijk(request, editie: Rapportage) -> bool:
    """An adopted public edition asked for without a session and without messages: the page is the same for every
    such reader, so the process keeps it whole (`openbare_pagina`). Anyone with a session (logged in, or with a
    message waiting) gets it rendered for them."""
    return (
        editie.is_vastgesteld
        and editie.openbaar
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def openbare_pagina(editie: Rapportage, sleutel: str, maak) -> bytes:
    """The whole page of an adopted public edition for readers without a session (`maak` renders it once)."""
    return _in_proces(f"rapportage-openbaar:{editie.pk}:{sleutel}", maak)


def vergeten() -> None:
    """Empties this process's store of adopted pages: for tests, whose databases each start afresh."""
    with _vastgesteld_slot:
        _vastgesteld.clear()


def review_html(editie: Rapportage, sleutel: str) -> bytes:
    """The report with its review blocks but without threads, as UTF-8: the same for the whole redactiegroep. The
    structure is read only to render it."""
    kan_reageren = editie.status == Rapportage.Status.TER_REVIEW

    def maak():
        structuur = selectors.get_structuur(editie, sleutel)
        return _rapport(editie, structuur, review_pagina.skelet(kan_reageren, structuur))

    # v2: the markers carry their place's block id and label (a report cached with the older markers is not used)
    cache_sleutel = f"rapportage-review-html:v2:{editie.pk}:{sleutel}:{int(kan_reageren)}"
    return _ingepakt(cache_sleutel, maak, selectors.CACHE_SECONDEN)


def opwarmen(editie: Rapportage, sleutel: str) -> None:
    """Renders what the page of this content will ask for, into the cache."""
    rapport_utf8(editie, sleutel)
    if not editie.is_vastgesteld:
        review_html(editie, sleutel)

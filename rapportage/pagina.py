"""The report part of an edition's page, rendered once per content and kept in the cache every worker shares.

Readers get the report as everyone reads it; the redactiegroep and the projectleider get it with the review blocks
(review_pagina fills in the threads per request). The worker that makes a concept's PDF renders both as well, so
after a change the first reader does not wait for them either.
"""

from __future__ import annotations

from django.core.cache import cache
from django.template.loader import render_to_string

from rapportage import review_pagina, selectors
from rapportage.models import Rapportage
from rapportage.rendering import render_context


def rapport_html(editie: Rapportage, sleutel: str) -> str:
    def maak():
        structuur = selectors.get_structuur(editie, sleutel)
        return render_to_string(
            "rapportage/_rapport.html", render_context(structuur) | {"editie": editie, "review": None}
        )

    # An adopted edition never changes: kept as long as the cache keeps anything.
    duur = None if editie.is_vastgesteld else selectors.CACHE_SECONDEN
    return cache.get_or_set(f"rapportage-html:{editie.pk}:{sleutel}", maak, duur)


def review_html(editie: Rapportage, sleutel: str, structuur: dict) -> str:
    """The report with its review blocks but without threads: the same for the whole redactiegroep."""
    kan_reageren = editie.status == Rapportage.Status.TER_REVIEW

    def maak():
        review = review_pagina.skelet(kan_reageren, structuur)
        return render_to_string(
            "rapportage/_rapport.html", render_context(structuur) | {"editie": editie, "review": review}
        )

    return cache.get_or_set(
        f"rapportage-review-html:{editie.pk}:{sleutel}:{int(kan_reageren)}", maak, selectors.CACHE_SECONDEN
    )


def opwarmen(editie: Rapportage, sleutel: str) -> None:
    """Renders what the page of this content will ask for, into the cache."""
    rapport_html(editie, sleutel)
    if not editie.is_vastgesteld:
        review_html(editie, sleutel, selectors.get_structuur(editie, sleutel))

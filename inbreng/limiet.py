"""A rate limit on posting, per address and per link, in Django's cache (shared by every app server with Redis)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from molenlanden.common.proxy import client_ip


def _tel(sleutel: str) -> int:
    cache.add(sleutel, 0, timeout=settings.INBRENG_LIMIET_SECONDEN)
    try:
        return cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, timeout=settings.INBRENG_LIMIET_SECONDEN)
        return 1


def te_veel(request, uitnodiging=None) -> bool:
    """Counts this post; True when the address or the link posted more than the limit within the window."""
    tellers = [_tel(f"inbreng:ip:{client_ip(request)}")]
    if uitnodiging is not None and uitnodiging.pk:
        tellers.append(_tel(f"inbreng:link:{uitnodiging.pk}"))
    return max(tellers) > settings.INBRENG_LIMIET

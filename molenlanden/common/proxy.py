"""The client's address behind the municipality's reverse proxy (README, "Achter een reverse proxy").

Every proxy appends the address it got the request from to X-Forwarded-For. Only the last DJANGO_PROXY_COUNT entries
were written by our own proxies; whatever stands left of them the client may have made up. With no proxy configured
(0, the default) the header is never read: REMOTE_ADDR, the address that connected, is the client.
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the PROXY_COUNT-th address from the right in X-Forwarded-For.

    Also django-axes' AXES_CLIENT_IP_CALLABLE, so login throttling counts per real client.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if settings.PROXY_COUNT <= 0:
        return remote
    adressen = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(adressen) < settings.PROXY_COUNT:
        return remote  # it did not come through all our proxies: then the connecting address is all we know
    kandidaat = adressen[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(kandidaat))
    except ValueError:
        return remote


class ClientAdresMiddleware:
    """Behind our proxies, REMOTE_ADDR becomes the client's address for everything after it (logs, axes, views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PROXY_COUNT > 0:
            request.META["REMOTE_ADDR"] = client_ip(request)
        return self.get_response(request)


class ClientAdresFilter(logging.Filter):
    """Gives every log record `client`: the client's address for records about a request, "-" for others."""

    def filter(self, record):
        request = getattr(record, "request", None)
        record.client = client_ip(request) if hasattr(request, "META") else "-"
        return True

"""What a person sees when something goes wrong: a Dutch page with a way back, never a traceback.

These pages are rendered without the database (no user, no session): the database may be what went wrong.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

# How long a client may wait before trying again while the database is unreachable (seconds).
OPNIEUW_NA = 30


def server_error(request, *args, **kwargs) -> HttpResponse:
    """handler500: a database that does not answer is a temporary outage (503), anything else an error (500)."""
    fout = sys.exc_info()[1]
    if isinstance(fout, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(OPNIEUW_NA)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)


class RefuseNulBytes:
    """A NUL byte is never part of a valid address or form value; PostgreSQL refuses it with an error, so stop it
    here with a clear page instead of letting it reach a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)


def _has_nul(querydict) -> bool:
    return any("\x00" in sleutel or any("\x00" in w for w in waarden) for sleutel, waarden in querydict.lists())

"""Serving a stored file as WhiteNoise serves static ones: streamed, with ETag and Last-Modified (304 on a match),
one byte range (206, for resumed and partial downloads), and the caching the caller chooses."""

from __future__ import annotations

import re

from django.http import FileResponse, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe, quote_etag

BLOK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def serve_file(
    request, bestand, *, etag: str, last_modified, content_type: str, filename: str, cache_control: str
) -> HttpResponse:
    """`bestand` is a Django File (e.g. a FieldFile); it is opened here and closed when the response is done."""
    etag = quote_etag(etag)
    modified = int(last_modified.timestamp())
    if _not_modified(request, etag, modified):
        response = HttpResponseNotModified()
    else:
        bestand.open("rb")
        grootte = bestand.size
        bereik = _range(request, etag, modified, grootte)
        if bereik == "onvervulbaar":
            bestand.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{grootte}"
        elif bereik:
            begin, einde = bereik
            response = StreamingHttpResponse(_deel(bestand, begin, einde), status=206, content_type=content_type)
            response["Content-Range"] = f"bytes {begin}-{einde}/{grootte}"
            response["Content-Length"] = str(einde - begin + 1)
        else:
            response = FileResponse(bestand.file, content_type=content_type, as_attachment=True, filename=filename)
        response["Accept-Ranges"] = "bytes"
        response.setdefault("Content-Disposition", f'attachment; filename="{filename}"')
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = cache_control
    return response


def _not_modified(request, etag: str, modified: int) -> bool:
    if (if_none_match := request.headers.get("If-None-Match")) is not None:
        return etag in [e.strip() for e in if_none_match.split(",")] or if_none_match.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since


def _range(request, etag: str, modified: int, grootte: int):
    """(begin, end) of one satisfiable range, "onvervulbaar", or None for the whole file."""
    kop = request.headers.get("Range", "")
    if not (match := RANGE.match(kop.strip())) or not any(match.groups()):
        return None
    if (if_range := request.headers.get("If-Range")) and if_range not in (etag, http_date(modified)):
        return None  # the file changed since the first part: send it whole
    begin, einde = match.groups()
    if not begin:  # the last n bytes
        begin, einde = max(grootte - int(einde), 0), grootte - 1
    else:
        begin, einde = int(begin), min(int(einde), grootte - 1) if einde else grootte - 1
    if begin >= grootte or begin > einde:
        return "onvervulbaar"
    return begin, einde


def _deel(bestand, begin: int, einde: int):
    try:
        bestand.seek(begin)
        rest = einde - begin + 1
        while rest > 0 and (blok := bestand.read(min(BLOK, rest))):
            rest -= len(blok)
            yield blok
    finally:
        bestand.close()

"""The stored PDF served as a file: streamed, with ETag, Last-Modified, one byte range, and the right caching."""

from __future__ import annotations

import datetime

import pytest

from rapportage.services import vaststellen


def _vastgesteld(editie, openbaar):
    return vaststellen(
        editie,
        vastgesteld_op=datetime.date(2021, 7, 6),
        vastgesteld_door="College",
        openbaar=openbaar,
        override_reden="Test zonder review",
    )


@pytest.fixture
def openbaar(update):
    return _vastgesteld(update, True)


def test_an_adopted_public_pdf_is_cached_by_everyone_forever(client, openbaar):
    response = client.get(f"/rapportages/{openbaar.slug}/pdf/")  # anonymous: it is public

    assert response.status_code == 200
    assert response.streaming
    with openbaar.pdf.open("rb") as f:
        assert response.getvalue() == f.read()
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["ETag"] == f'"{openbaar.pdf_sha256}"'
    assert response["Accept-Ranges"] == "bytes"
    assert response["Last-Modified"]
    assert "Cookie" not in response.get("Vary", "")  # the same file for every reader: shared caches keep one copy


def test_a_logged_in_reader_gets_the_same_public_pdf(client, gebruikers, openbaar):
    anoniem = client.get(f"/rapportages/{openbaar.slug}/pdf/")
    client.force_login(gebruikers["redacteur"])
    ingelogd = client.get(f"/rapportages/{openbaar.slug}/pdf/")

    assert ingelogd.getvalue() == anoniem.getvalue()
    assert ingelogd["ETag"] == anoniem["ETag"] and ingelogd["Cache-Control"] == anoniem["Cache-Control"]


def test_a_known_version_is_not_sent_again(client, openbaar):
    url = f"/rapportages/{openbaar.slug}/pdf/"
    eerste = client.get(url)

    assert client.get(url, HTTP_IF_NONE_MATCH=eerste["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=eerste["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"iets anders"').status_code == 200


def test_a_byte_range_is_served_partially(client, openbaar):
    url = f"/rapportages/{openbaar.slug}/pdf/"
    with openbaar.pdf.open("rb") as f:
        inhoud = f.read()

    deel = client.get(url, HTTP_RANGE="bytes=0-7")
    assert deel.status_code == 206
    assert deel.getvalue() == inhoud[:8] == b"%PDF-1.7"
    assert deel["Content-Range"] == f"bytes 0-7/{len(inhoud)}"
    staart = client.get(url, HTTP_RANGE="bytes=-6")
    assert staart.getvalue() == inhoud[-6:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(inhoud)}-").status_code == 416
    anders = client.get(url, HTTP_RANGE="bytes=0-7", HTTP_IF_RANGE='"een oudere versie"')
    assert (anders.status_code, anders.getvalue()) == (200, inhoud)  # changed since: the whole file


def test_pdfs_that_are_not_public_stay_in_the_readers_browser(client, gebruikers, update, wrap_up):
    client.force_login(gebruikers["college"])
    niet_openbaar = _vastgesteld(wrap_up, False)

    assert client.get(f"/rapportages/{niet_openbaar.slug}/pdf/")["Cache-Control"] == "private, no-cache"
    assert client.get(f"/rapportages/{update.slug}/pdf/")["Cache-Control"] == "private, no-cache"  # a concept
    client.logout()
    assert client.get(f"/rapportages/{niet_openbaar.slug}/pdf/").status_code == 302  # to the login page

"""When something fails, a person gets a Dutch page with a way back: 503 while the database is away, 500 otherwise."""

from __future__ import annotations

from unittest import mock

from django.db import OperationalError, connections
from django.test import Client


def _zonder_database():
    def weg(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    return mock.patch.object(type(connections["default"]), "cursor", weg)


def test_a_database_outage_is_a_temporary_503_page(db):
    client = Client(raise_request_exception=False)
    with _zonder_database():
        response = client.get("/rapportages/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "<h1>Tijdelijk niet beschikbaar</h1>" in html
    assert 'lang="nl"' in html and 'href="/"' in html
    assert "Traceback" not in html


def test_the_site_recovers_by_itself_when_the_database_is_back(db):
    client = Client(raise_request_exception=False)
    with _zonder_database():
        assert client.get("/rapportages/").status_code == 503
    assert client.get("/rapportages/").status_code == 200


def test_any_other_error_is_a_styled_500_page_with_a_way_back(db, monkeypatch):
    monkeypatch.setattr("rapportage.views.render", mock.Mock(side_effect=RuntimeError("bug")))
    response = Client(raise_request_exception=False).get("/rapportages/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Er ging iets mis</h1>" in html
    assert "molenlanden/site" in html  # the site's own style, not a bare page
    assert 'href="/">Terug naar de startpagina</a>' in html
    assert "bug" not in html

from unittest import mock

from django.db import OperationalError, connection


def test_healthz_answers_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch.object(connection, "ensure_connection", side_effect=OperationalError("verbinding geweigerd")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database onbereikbaar\n"


def test_healthz_answers_a_probe_by_ip_over_http_in_production(client, db, settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["voortgang.molenlanden.nl"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200
    # Every other page keeps its host check and HTTPS redirect.
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400
    assert client.get("/", HTTP_HOST="voortgang.molenlanden.nl").status_code == 301

import pytest

from tests.helpers import TEST_PASSWORD

LOCKOUT = "Te veel mislukte inlogpogingen"


@pytest.fixture(autouse=True)
def _users(gebruikers):
    return gebruikers


def _login(client, username, password, ip="192.0.2.10"):
    return client.post("/inloggen/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def _fail(client, username, times, ip="192.0.2.10"):
    return [_login(client, username, "fout-wachtwoord", ip) for _ in range(times)]


def test_four_wrong_passwords_then_the_right_one_logs_in(client):
    for response in _fail(client, "redacteur", 4):
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    response = _login(client, "redacteur", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_sixth_attempt_after_five_wrong_passwords_is_locked_out(client):
    _fail(client, "redacteur", 5)
    response = _login(client, "redacteur", TEST_PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_ip(client):
    _fail(client, "redacteur", 5)
    assert _login(client, "college", TEST_PASSWORD).status_code == 302
    client.logout()
    assert _login(client, "redacteur", TEST_PASSWORD, ip="198.51.100.20").status_code == 302


def test_lockout_lifts_after_the_cool_off(client, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    _fail(client, "redacteur", 5)
    assert _login(client, "redacteur", TEST_PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _login(client, "redacteur", TEST_PASSWORD).status_code == 302

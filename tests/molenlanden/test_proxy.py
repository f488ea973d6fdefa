"""The real client behind the reverse proxy (DJANGO_PROXY_COUNT), for login throttling and logs alike.

Without a proxy configured, X-Forwarded-For is a header anyone can send: it must neither let an attacker's failed
logins lock out someone else's address nor let the attacker dodge the lockout by changing it.
"""

import logging

import pytest
from django.test import RequestFactory

from molenlanden.common.proxy import ClientAdresFilter, ClientAdresMiddleware, client_ip
from tests.helpers import TEST_PASSWORD

PROXY = "10.0.0.2"
AANVALLER = "203.0.113.9"
SLACHTOFFER = "198.51.100.7"


@pytest.fixture(autouse=True)
def _users(gebruikers):
    return gebruikers


def _login(client, password, remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
    return client.post("/inloggen/", {"username": "redacteur", "password": password}, **headers)


def _fail_five_times(client, remote, forwarded=None):
    statussen = [_login(client, "fout-wachtwoord", remote, forwarded).status_code for _ in range(5)]
    assert statussen == [200, 200, 200, 200, 429]  # the fifth failure locks out


def _request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "verwacht"),
    [
        (0, None, PROXY),
        (0, SLACHTOFFER, PROXY),  # no proxy configured: the header is never read
        (1, None, PROXY),  # not through our proxy: the connecting address
        (1, AANVALLER, AANVALLER),
        (1, f"{SLACHTOFFER}, {AANVALLER}", AANVALLER),  # what the client wrote itself stands left: ignored
        (2, f"{SLACHTOFFER}, {AANVALLER}, 10.0.0.1", AANVALLER),
        (2, "10.0.0.1", PROXY),  # fewer entries than proxies
        (1, "geen-adres", PROXY),
    ],
)
def test_client_ip(settings, proxies, forwarded, verwacht):
    settings.PROXY_COUNT = proxies
    assert client_ip(_request(PROXY, forwarded)) == verwacht


def test_without_proxy_a_forged_header_neither_locks_out_others_nor_dodges_the_lockout(client, settings):
    settings.PROXY_COUNT = 0
    _fail_five_times(client, AANVALLER, forwarded=SLACHTOFFER)
    # The attacker is locked out, whatever address the header claims next.
    assert _login(client, TEST_PASSWORD, AANVALLER, forwarded="192.0.2.99").status_code == 429
    assert _login(client, TEST_PASSWORD, AANVALLER).status_code == 429
    # The address the attacker claimed to be is not.
    assert _login(client, TEST_PASSWORD, SLACHTOFFER).status_code == 302


def test_behind_the_proxy_the_attacker_is_locked_out_and_not_the_others(client, settings):
    settings.PROXY_COUNT = 1
    _fail_five_times(client, PROXY, forwarded=AANVALLER)
    assert _login(client, TEST_PASSWORD, PROXY, forwarded=AANVALLER).status_code == 429
    # A forged entry left of what our proxy wrote does not help the attacker.
    assert _login(client, TEST_PASSWORD, PROXY, forwarded=f"{SLACHTOFFER}, {AANVALLER}").status_code == 429
    # Everyone else comes through the same proxy, and logs in.
    assert _login(client, TEST_PASSWORD, PROXY, forwarded=SLACHTOFFER).status_code == 302


def test_the_lockout_records_the_real_client(client, settings):
    from axes.models import AccessAttempt

    settings.PROXY_COUNT = 1
    _fail_five_times(client, PROXY, forwarded=f"{SLACHTOFFER}, {AANVALLER}")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [AANVALLER]


@pytest.mark.parametrize(("proxies", "verwacht"), [(0, PROXY), (1, AANVALLER)])
def test_middleware_and_logs_name_the_real_client(settings, proxies, verwacht):
    settings.PROXY_COUNT = proxies
    gezien = {}

    def view(request):
        gezien["remote"] = request.META["REMOTE_ADDR"]
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Fout", None, None)
        record.request = request
        ClientAdresFilter().filter(record)
        gezien["log"] = record.client

    ClientAdresMiddleware(view)(_request(PROXY, f"{SLACHTOFFER}, {AANVALLER}"))
    assert gezien == {"remote": verwacht, "log": verwacht}


def test_log_records_without_a_request_say_so():
    record = logging.LogRecord("axes", logging.WARNING, __file__, 1, "Iets", None, None)
    ClientAdresFilter().filter(record)
    assert record.client == "-"

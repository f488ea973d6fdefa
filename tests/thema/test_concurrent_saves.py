"""Twenty people press "Voortgang opslaan" at the same moment: each save succeeds or gets the conflict message.

Every thread has its own database connection, as every server process or thread has (`verbinding_per_thread`:
on SQLite a real database file with the settings' OPTIONS). Without those OPTIONS (WAL, IMMEDIATE transactions, a
busy timeout) saves ended in "database is locked" and the person's text was gone; .ci/concurrent_saves.py
measures the same against gunicorn and runserver.
"""

import collections
import threading

from django.conf import settings
from django.db import connection, connections

from tests.helpers import formulier_data, in_thread
from thema.models import Inspanning, Voortgang

MELDING = "Niet opgeslagen: er is intussen een andere versie opgeslagen"
SESSIES = 20
RIJEN = 10


def test_sqlite_is_configured_for_several_writers():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        assert options.get("transaction_mode") is None  # PostgreSQL locks rows; these options are SQLite's
        return
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "PRAGMA journal_mode=WAL;" in options["init_command"]
    assert "PRAGMA synchronous=NORMAL;" in options["init_command"]


def test_concurrent_saves_succeed_or_get_the_conflict_message(live_demo, gebruikers, request):
    from django.test import Client

    inspanningen = list(Inspanning.objects.order_by("code")[:RIJEN])
    doelen = [(i.code, i.voortgang.order_by("-peildatum").first().peildatum) for i in inspanningen]
    sessies = []
    for nummer in range(SESSIES):
        client = Client()
        client.force_login(gebruikers["projectleider"])
        code, peildatum = doelen[nummer % RIJEN]
        url = f"/inspanningen/{code}/voortgang/{peildatum:%Y-%m-%d}/"
        tekst = f"<p>Bijsturing van sessie {nummer}: deze tekst mag niet verloren gaan.</p>"
        sessies.append((client, url, formulier_data(client.get(url)) | {"bijsturing": tekst}))
    request.getfixturevalue("verbinding_per_thread")  # after the logins and forms: they are in the copy

    if connection.vendor == "sqlite":
        assert in_thread(lambda: connections["default"].cursor().execute("PRAGMA journal_mode").fetchone()) == ("wal",)
    start = threading.Barrier(SESSIES)
    uitkomsten = collections.Counter()
    opgeslagen = {}
    lock = threading.Lock()

    def opslaan(client, url, data):
        start.wait()
        try:
            response = client.post(url, data)
            if response.status_code == 302:
                uitkomst = "opgeslagen"
            elif response.status_code == 409 and MELDING in response.content.decode():
                uitkomst = "conflictmelding"
            else:
                uitkomst = f"fout {response.status_code}"
        except Exception as error:  # noqa: BLE001 - "database is locked" and the like: counted, not raised here
            uitkomst = f"fout {error}"
        finally:
            connections.close_all()
        with lock:
            uitkomsten[uitkomst] += 1
            if uitkomst == "opgeslagen":
                opgeslagen[url] = data["bijsturing"]

    threads = [threading.Thread(target=opslaan, args=sessie) for sessie in sessies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert uitkomsten == {"opgeslagen": RIJEN, "conflictmelding": SESSIES - RIJEN}
    # Per voortgang exactly one save won, and its text is what is stored.
    opgeslagen_nu = in_thread(
        lambda: {
            f"/inspanningen/{v.inspanning.code}/voortgang/{v.peildatum:%Y-%m-%d}/": v.bijsturing
            for v in Voortgang.objects.select_related("inspanning").filter(inspanning__in=inspanningen)
        }
    )
    assert {url: opgeslagen_nu[url] for url in opgeslagen} == opgeslagen
    assert len(opgeslagen) == RIJEN

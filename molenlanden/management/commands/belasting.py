"""`make bench-wrk`: many readers at once, as issue 14 measures them. gunicorn with the production settings and wrk
(50 connections, 60 s) on an adopted public edition's page and on its PDF, at 1× and 10× the demo data.

Each factor gets a throwaway database (a new PostgreSQL database beside the configured one, or an SQLite file), its
own media and static folders, the demo data, and one edition adopted with its real PDF; all of it is removed
afterwards. wrk is Debian's package (`apt-get install wrk`).
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

HOST = "voortgang.molenlanden.nl"
SLUG = "belasting"
MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


class Command(BaseCommand):
    help = "Belastingtest met wrk: gunicorn met productie-instellingen, een vastgestelde openbare editie en haar PDF."

    def add_arguments(self, parser):
        parser.add_argument("--duur", type=int, default=60, help="seconden per meting (standaard 60)")
        parser.add_argument("--verbindingen", type=int, default=50, help="gelijktijdige lezers (standaard 50)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn-workers (standaard 2: twee kernen)")
        parser.add_argument("--factor", type=int, action="append", help="1 en/of 10 (standaard beide)")
        parser.add_argument("--voorbereiden", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, duur, verbindingen, workers, factor, voorbereiden, **options):
        if voorbereiden:
            return self._voorbereiden(voorbereiden)
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk ontbreekt: installeer het met `apt-get install wrk`.")
        self.stdout.write(
            f"wrk, {verbindingen} verbindingen, {duur} s; gunicorn met {workers} workers, productie-instellingen, "
            f"database: {connection.vendor}"
        )
        self.stdout.write(f"{'data':>4} | {'wat':<28} | {'verzoeken/s':>11} | {'p50':>8} | {'p99':>8} | fouten")
        for f in factor or (1, 10):
            with _omgeving(f, workers) as poort:
                for wat, pad in (
                    ("openbare vastgestelde pagina", f"/rapportages/{SLUG}/"),
                    ("haar PDF", f"/rapportages/{SLUG}/pdf/"),
                ):
                    uitslag = _wrk(wrk, poort, pad, duur, verbindingen)
                    self.stdout.write(
                        f"{f:>3}× | {wat:<28} | {uitslag['rps']:>11.1f} | {uitslag['p50']:>8} | {uitslag['p99']:>8} | "
                        f"{uitslag['fouten']}"
                    )

    def _voorbereiden(self, factor: int) -> None:
        """In the throwaway database (a process of its own, production settings): demo data and an adopted edition."""
        from molenlanden.demo.programma import load_demodata
        from molenlanden.demo.scale import multiply_demodata
        from rapportage import services
        from rapportage.models import Rapportage

        load_demodata()
        if factor > 1:
            multiply_demodata(factor, perioden=6)
        editie = services.editie_opslaan(
            Rapportage(titel="Update", slug=SLUG, soort="update", peildatum=datetime.date(2021, 6, 1))
        )
        Rapportage.objects.filter(pk=editie.pk).update(status=Rapportage.Status.TER_REVIEW)
        editie.refresh_from_db()
        services.vaststellen(
            editie,
            vastgesteld_op=datetime.date(2021, 7, 1),
            vastgesteld_door="het college",
            openbaar=True,
            override_reden="belastingtest",
        )
        if not Rapportage.objects.get(pk=editie.pk).is_vastgesteld:
            raise CommandError("De editie is niet vastgesteld.")


@contextmanager
def _omgeving(factor: int, workers: int):
    """A throwaway database and folders, prepared, and gunicorn serving them; everything gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="belasting-") as map_, _database(Path(map_)) as url:
        map_ = Path(map_)
        env = os.environ | {
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "DATABASE_URL": url,
            "DJANGO_STATIC_ROOT": str(map_ / "static"),
            "DJANGO_MEDIA_ROOT": str(map_ / "media"),
            "DJANGO_PRIVATE_ROOT": str(map_ / "private"),
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        voorbereiding = env | {"DJANGO_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        for stap in (["migrate", "--noinput"], ["createcachetable"], ["collectstatic", "--noinput"]):
            opdracht = [sys.executable, MANAGE, *stap]
            subprocess.run(opdracht, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own programs)
        subprocess.run(  # noqa: S603 (our own programs)
            [sys.executable, MANAGE, "belasting", "--voorbereiden", str(factor)], env=voorbereiding, check=True
        )
        poort = _vrije_poort()
        gunicorn = subprocess.Popen(  # noqa: S603 (our own programs)
            [str(Path(sys.executable).parent / "gunicorn"), "-c", str(Path(settings.BASE_DIR) / "gunicorn.conf.py")],
            env=env | {"GUNICORN_BIND": f"127.0.0.1:{poort}", "GUNICORN_WORKERS": str(workers)},
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wacht(poort)
            yield poort
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=60)


@contextmanager
def _database(map_: Path):
    if connection.vendor != "postgresql":
        yield f"sqlite:///{map_ / 'db.sqlite3'}"
        return
    naam = f"belasting_{os.getpid()}"
    instellingen = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{naam}"')
    gebruiker = instellingen["USER"] or ""
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen.get("PASSWORD") else ""
    try:
        adres = f"{instellingen['HOST'] or 'localhost'}:{instellingen['PORT'] or 5432}"
        yield f"postgres://{gebruiker}{wachtwoord}@{adres}/{naam}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht(poort: int) -> None:
    grens = time.monotonic() + 60
    while time.monotonic() < grens:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{poort}/healthz", timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise CommandError("gunicorn gaf binnen 60 s geen antwoord.")


def _wrk(wrk: str, poort: int, pad: str, duur: int, verbindingen: int) -> dict:
    opdracht = [wrk, "-t2", f"-c{verbindingen}", f"-d{duur}s", "--latency", "-H", f"Host: {HOST}"]
    opdracht += ["-H", "X-Forwarded-Proto: https", f"http://127.0.0.1:{poort}{pad}"]
    subprocess.run([*opdracht[:3], "-d5s", *opdracht[4:]], check=True, capture_output=True)  # noqa: S603 (wrk, warming up)
    uit = subprocess.run(opdracht, check=True, capture_output=True, text=True).stdout  # noqa: S603 (our own programs)
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    sockets = re.search(r"Socket errors: (.*)", uit)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", uit)[1]),
        "p50": re.search(r"^\s+50%\s+(\S+)", uit, re.M)[1],
        "p99": re.search(r"^\s+99%\s+(\S+)", uit, re.M)[1],
        "fouten": ", ".join(filter(None, [f"{fouten[1]} niet-2xx" if fouten else "", sockets[1] if sockets else ""]))
        or "geen",
    }

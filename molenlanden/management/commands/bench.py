"""`make bench`: queries, time and memory of the report at 1× and 10× the demo data, in a throwaway database."""

from __future__ import annotations

import datetime
import io
import resource
import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

RUNS = 5


def _measure(func, runs=RUNS):
    """Median seconds over `runs` calls, and the queries of the last one."""
    tijden = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            func()
            tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), len(ctx.captured_queries)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Meet de rapportbouwer, de pagina en de PDF bij de demodata en bij tien keer zoveel."

    def handle(self, *args, **options):
        creation = connection.creation
        oude_naam = connection.settings_dict["NAME"]
        creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            self._bench()
        finally:
            creation.destroy_test_db(oude_naam, verbosity=0)

    def _bench(self):
        from molenlanden.demo.programma import load_demodata
        from molenlanden.demo.scale import multiply_demodata
        from rapportage.builder import build_structuur
        from rapportage.models import Rapportage
        from rapportage.services import editie_opslaan

        load_demodata()
        editie_opslaan(
            Rapportage(titel="Wrap-up", slug="wrap-up", soort="wrap_up", peildatum=datetime.date(2020, 11, 1))
        )
        update = editie_opslaan(
            Rapportage(titel="Update", slug="update", soort="update", peildatum=datetime.date(2021, 6, 1))
        )
        gebruiker = get_user_model().objects.create_user("bench")
        gebruiker.groups.add(Group.objects.get(name="college"))
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(gebruiker)
        pagina = f"/rapportages/{update.slug}/"

        self.stdout.write(
            f"{'data':>5} | {'bouwen':>17} | {'HTML-pagina':>17} | {'PDF koud':>18} | PDF uit cache | max RSS"
        )
        for factor in (1, 10):
            if factor == 10:
                multiply_demodata(10)
            bouw_t, bouw_q = _measure(lambda: build_structuur(update))
            client.get(pagina)  # warm up: template loading
            html_t, html_q = _measure(lambda: client.get(pagina))
            cache.clear()
            start = time.perf_counter()
            pdf = client.get(f"{pagina}pdf/").content
            koud_t = time.perf_counter() - start
            cached_t, _ = _measure(lambda: client.get(f"{pagina}pdf/"))
            self.stdout.write(
                f"{factor:>4}× | {bouw_q:>3} q {bouw_t * 1000:>8.1f} ms | {html_q:>3} q {html_t * 1000:>8.1f} ms | "
                f"{koud_t:>6.2f} s {_pagina_aantal(pdf):>4} p. | {cached_t * 1000:>9.1f} ms | {_rss_mb():.0f} MB"
            )
        self.stdout.write(f"(mediaan van {RUNS} keer; q = queries; PDF koud = eerste download na een lege cache)")


def _pagina_aantal(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)

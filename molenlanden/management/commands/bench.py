"""`make bench`: queries, time and memory of the report, and of the programme's and editions' import and export,
at 1× and 10× the demo data, in a throwaway database."""

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

RUNS = 5


def _measure(func, runs=RUNS):
    """Median seconds over `runs` calls, and the queries of the last one (counted, not logged: no limit)."""
    tijden = []
    for _ in range(runs):
        aantal = [0]

        def tel(execute, sql, params, many, context, aantal=aantal):
            aantal[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(tel):
            start = time.perf_counter()
            func()
            tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), aantal[0]


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
        # The projectleider's start page, with the planning of the edition and the monitor's budget on it.
        _plan(update)
        projectleider = get_user_model().objects.create_user("bench-projectleider")
        projectleider.groups.add(Group.objects.get(name="projectleider"))
        leider = Client(HTTP_HOST="127.0.0.1")
        leider.force_login(projectleider)
        start_regels = []

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
            leider.get("/")  # warm up
            start_t, start_q = _measure(lambda: leider.get("/"))
            start_regels.append(f"{factor:>4}× | {start_q:>3} q {start_t * 1000:>8.1f} ms")
        self.stdout.write(f"(mediaan van {RUNS} keer; q = queries; PDF koud = eerste download na een lege cache)")
        self.stdout.write("\nStartpagina van de projectleider (planning en budget):")
        for regel in start_regels:
            self.stdout.write(regel)
        self._bench_programma_io(update)

    def _bench_programma_io(self, update):
        """Programme export and import (dry run and confirmed), the edition's exports, at 1x and 10x the data."""
        from django.db import transaction

        from molenlanden.demo.programma import load_demodata
        from molenlanden.demo.scale import multiply_demodata
        from molenlanden.programma_io.werkmap import exporteer_programma, importeer_programma
        from rapportage import export
        from rapportage.selectors import get_structuur

        self.stdout.write("")
        self.stdout.write(
            f"{'data':>5} | {'rijen':>5} | {'export':>17} | {'proefimport':>17} | {'import (leeg)':>16} | "
            f"{'editie .xlsx':>12} | editie JSON"
        )
        for factor in (1, 10):
            with transaction.atomic():
                _leeg_programma()
                load_demodata()
                if factor > 1:
                    multiply_demodata(factor)
                export_t, export_q = _measure(exporteer_programma)
                werkmap = exporteer_programma()
                rijen = sum(len(_blad) for _blad in _bladen(werkmap))
                proef_t, proef_q = _measure(lambda w=werkmap: importeer_programma(w, "bench.xlsx", bevestig=False), 3)
                structuur = get_structuur(update)
                xlsx_t, _ = _measure(lambda s=structuur: export.structuur_xlsx(s))
                json_t, _ = _measure(lambda s=structuur: export.structuur_json(s))
                _leeg_programma()
                leeg_t, leeg_q = _measure(
                    lambda w=werkmap: _bevestigd(importeer_programma(w, "b.xlsx", bevestig=True)), 1
                )
                transaction.set_rollback(True)
            self.stdout.write(
                f"{factor:>4}× | {rijen:>5} | {export_q:>3} q {export_t * 1000:>8.1f} ms | "
                f"{proef_q:>4} q {proef_t:>7.2f} s | {leeg_q:>5} q {leeg_t:>6.2f} s | {xlsx_t * 1000:>9.1f} ms | "
                f"{json_t * 1000:>6.1f} ms"
            )
        self.stdout.write(
            "(export en proefimport: mediaan; proefimport = hetzelfde bestand nog eens, alles ongewijzigd; "
            "import (leeg) = alles nieuw in een lege database, bevestigd)"
        )


def _bevestigd(verslag):
    assert verslag.bevestigd, verslag.regels()


def _leeg_programma():
    from dorpen.models import Dorpsactie, Kern
    from thema.models import Inspanning, Mijlpaal, Thema, Voortgang

    for model in (Dorpsactie, Mijlpaal, Voortgang, Inspanning, Thema, Kern):
        model.objects.all().delete()


def _bladen(werkmap: bytes):
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(werkmap), read_only=True)
    return [list(blad.iter_rows(min_row=2, values_only=True)) for blad in boek.worksheets[1:]]


def _plan(editie) -> None:
    from rapportage.models import Besteding, Budgetjaar, Fase
    from rapportage.services import planning_opslaan

    dag = datetime.timedelta(days=1)
    planning_opslaan(
        editie,
        [
            Fase(soort="uitvragen", begindatum=editie.peildatum, einddatum=editie.peildatum + 14 * dag),
            Fase(soort="redactie", begindatum=editie.peildatum + 15 * dag, einddatum=editie.peildatum + 30 * dag),
            Fase(soort="college", begindatum=editie.peildatum + 35 * dag),
        ],
    )
    jaar = Budgetjaar.objects.create(jaar=editie.peildatum.year, bedrag=9707)
    Besteding.objects.create(budgetjaar=jaar, datum=editie.peildatum, omschrijving="Vormgeving", bedrag=2900)


def _pagina_aantal(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)

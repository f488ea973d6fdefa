"""`make bench`: queries, time and memory of the report, and of the programme's and editions' import and export,
at 1× and 10× the demo data, in a throwaway database."""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test import Client

RUNS = 5
ONDERDELEN = ("pagina", "admin", "pdf", "start", "io")
ADMIN_LIJSTEN = ("thema/inspanning", "thema/voortgang", "dorpen/dorpsactie", "rapportage/rapportage")
CHROMIUM = Path("/usr/bin/chromium")


def _measure(func, runs=RUNS, voor=None):
    """Median wall and CPU seconds over `runs` calls (`voor` runs untimed before each), and the last one's queries."""
    tijden, cpu = [], []
    for _ in range(runs):
        if voor:
            voor()
        aantal = [0]

        def tel(execute, sql, params, many, context, aantal=aantal):
            aantal[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(tel):
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            tijden.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return statistics.median(tijden), aantal[0], statistics.median(cpu)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _kinderen_cpu() -> float:
    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


def _ms(seconden: float) -> str:
    return f"{seconden * 1000:8.1f} ms"


class Command(BaseCommand):
    help = "Meet de rapportbouwer, de pagina en de PDF bij de demodata en bij tien keer zoveel."

    def add_arguments(self, parser):
        parser.add_argument("--pdf-uit", nargs=2, metavar=("STRUCTUUR.json", "UIT.pdf"), help=argparse.SUPPRESS)
        parser.add_argument(
            "--alleen",
            nargs="+",
            choices=ONDERDELEN,
            default=ONDERDELEN,
            help="Meet alleen deze onderdelen (de bouw en de inhoudssleutel altijd); de PDF duurt verreweg het langst.",
        )

    def handle(self, *args, **options):
        if options["pdf_uit"]:
            return self._render_in_kind(*options["pdf_uit"])
        creation = connection.creation
        oude_naam = connection.settings_dict["NAME"]
        creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            self._bench(set(options["alleen"]))
        finally:
            creation.destroy_test_db(oude_naam, verbosity=0)

    def _render_in_kind(self, bron, uit):
        """In a child process: one cold render of a structure, then its own CPU time and peak memory as JSON; and the
        CPU time of a second render, as the running worker (imports, fonts and stylesheets loaded) renders."""
        from rapportage import pdf

        structuur = json.loads(Path(bron).read_text(encoding="utf-8"))
        start = time.perf_counter()
        Path(uit).write_bytes(pdf.render_pdf(structuur))
        gebruik = resource.getrusage(resource.RUSAGE_SELF)
        meting = {"wall": time.perf_counter() - start, "cpu": gebruik.ru_utime + gebruik.ru_stime}
        warm = time.process_time()
        pdf.render_pdf(structuur)
        meting["cpu_warm"] = time.process_time() - warm
        self.stdout.write(json.dumps(meting | {"rss_mb": gebruik.ru_maxrss / 1024}))

    def _bench(self, onderdelen):
        from molenlanden.demo.programma import load_demodata
        from molenlanden.demo.scale import multiply_demodata
        from rapportage.builder import build_structuur
        from rapportage.models import Rapportage
        from rapportage.services import editie_opslaan

        load_demodata()
        wrap_up = editie_opslaan(
            Rapportage(titel="Wrap-up", slug="wrap-up", soort="wrap_up", peildatum=datetime.date(2020, 11, 1))
        )
        update = editie_opslaan(
            Rapportage(titel="Update", slug="update", soort="update", peildatum=datetime.date(2021, 6, 1))
        )
        # The redactie reads the concept in review mode (a comment form per place); the college reads it.
        Rapportage.objects.filter(pk=update.pk).update(status=Rapportage.Status.TER_REVIEW, review_ronde=1)
        update.refresh_from_db()
        client = _client("college")
        redacteur = _client("redactie")
        pagina = f"/rapportages/{update.slug}/"
        # The projectleider's start page, with the planning of the edition and the monitor's budget on it.
        _plan(update)
        leider = _client("projectleider")
        start_regels, pagina_regels, admin_regels, pdf_regels, serveer_regels = [], [], [], [], []

        self.stdout.write(f"{'data':>5} | {'bouwen':>17} | {'inhoudssleutel':>14} | max RSS")
        for factor in (1, 10):
            if factor == 10:
                multiply_demodata(10, perioden=6)
            bouw_t, bouw_q, _ = _measure(lambda: build_structuur(update))
            sleutel = _sleutel_functie()
            sleutel_t = _measure(lambda s=sleutel: s(update))[0] if sleutel else None
            self.stdout.write(
                f"{factor:>4}× | {bouw_q:>3} q {_ms(bouw_t)} | {_ms(sleutel_t) if sleutel else '(geen)':>14} | "
                f"{_rss_mb():.0f} MB"
            )
            if "pagina" in onderdelen:
                for naam, wie in (("lezen (college)", client), ("review (redactie)", redacteur)):
                    wie.get(pagina)  # warm up: template loading
                    koud_t, koud_q, koud_cpu = _measure(lambda w=wie: w.get(pagina), voor=cache.clear)
                    wie.get(pagina)
                    warm_t, warm_q, warm_cpu = _measure(lambda w=wie: w.get(pagina))
                    grootte = len(wie.get(pagina).content)
                    pagina_regels.append(
                        f"{factor:>4}× | {naam:<17} | {koud_q:>3} q {_ms(koud_cpu)} CPU {_ms(koud_t)} | "
                        f"{warm_q:>3} q {_ms(warm_cpu)} CPU | {grootte / 1024:>7.0f} kB"
                    )
            if "admin" in onderdelen:
                for lijst in ADMIN_LIJSTEN:
                    assert leider.get(f"/admin/{lijst}/").status_code == 200, lijst
                    admin_t, admin_q, admin_cpu = _measure(lambda lijst=lijst: leider.get(f"/admin/{lijst}/"))
                    admin_regels.append(
                        f"{factor:>4}× | {lijst:<22} | {admin_q:>3} q {_ms(admin_cpu)} CPU {_ms(admin_t)}"
                    )
            if "pdf" in onderdelen:
                pdf_bytes, regel = self._pdf_koud(update)
                pdf_regels.append(f"{factor:>4}× | {regel}")
                if (chromium := self._chromium(update)) is not None:
                    pdf_regels.append(f"{factor:>4}× | {chromium}")
                if factor == 1:
                    wrap_up = _vaststellen(wrap_up, pdf_bytes)
                serveer_regels.append(f"{factor:>4}× | {self._serveren(client, update, wrap_up)}")
            if "start" in onderdelen:
                leider.get("/")  # warm up
                start_t, start_q, start_cpu = _measure(lambda: leider.get("/"))
                start_regels.append(f"{factor:>4}× | {start_q:>3} q {_ms(start_cpu)} CPU {_ms(start_t)}")
        self.stdout.write(f"(mediaan van {RUNS} keer; q = queries; CPU = processortijd van dit proces)")
        self._blok(
            "Rapportpagina (concept ter review): koud = lege cache, warm = uit de cache, grootte van de HTML",
            f"{'data':>5} | {'wie':<17} | {'koud':>33} | {'warm':>20} | grootte",
            pagina_regels,
        )
        self._blok("Lijsten in de admin (projectleider)", "", admin_regels)
        self._blok(
            "PDF, koud (eigen proces: CPU-tijd, wandkloktijd, piekgeheugen; daarna nog eens, zoals de draaiende "
            "worker) en Chromium print-to-PDF als referentie",
            "",
            pdf_regels,
        )
        self._blok(
            "Opgeslagen PDF downloaden (vastgestelde editie, hele bestand gelezen) en de vastgestelde pagina",
            "",
            serveer_regels,
        )
        self._blok("Startpagina van de projectleider (planning en budget)", "", start_regels)
        if "io" in onderdelen:
            self._bench_programma_io(update)

    def _blok(self, titel, kop, regels):
        if not regels:  # not measured this time (--alleen)
            return
        self.stdout.write(f"\n{titel}:")
        if kop:
            self.stdout.write(kop)
        for regel in regels:
            self.stdout.write(regel)

    def _pdf_koud(self, editie) -> tuple[bytes, str]:
        from rapportage.builder import build_structuur

        with tempfile.TemporaryDirectory() as map_:
            bron, uit = Path(map_) / "structuur.json", Path(map_) / "uit.pdf"
            bron.write_text(json.dumps(build_structuur(editie), cls=DjangoJSONEncoder), encoding="utf-8")
            resultaat = subprocess.run(  # noqa: S603 (our own command)
                [sys.executable, str(settings.BASE_DIR / "manage.py"), "bench", "--pdf-uit", str(bron), str(uit)],
                capture_output=True,
                text=True,
                check=True,
                env=_kind_env(),
            )
            meting = json.loads(resultaat.stdout.strip().splitlines()[-1])
            inhoud = uit.read_bytes()
        paginas = _pagina_aantal(inhoud)
        return inhoud, (
            f"WeasyPrint: {meting['cpu']:6.1f} CPU-s {meting['wall']:6.1f} s | {paginas:>4} p. | "
            f"{paginas / meting['cpu']:5.1f} p. per CPU-s | piek {meting['rss_mb']:.0f} MB | in de draaiende worker "
            f"{meting['cpu_warm']:.1f} CPU-s: {paginas / meting['cpu_warm']:.1f} p. per CPU-s"
        )

    def _chromium(self, editie) -> str | None:
        """The same HTML and print stylesheet, printed by Chromium: the reference (CPU of its whole process tree)."""
        if not CHROMIUM.exists():
            return None
        from django.contrib.staticfiles import finders
        from django.template.loader import render_to_string

        from rapportage import pdf
        from rapportage.builder import build_structuur
        from rapportage.rendering import render_context

        html = render_to_string("rapportage/pdf.html", render_context(build_structuur(editie)))
        statisch = Path(finders.find(pdf.PRINT_CSS)).parent.parent.as_uri() + "/"
        html = html.replace('"/static/', f'"{statisch}').replace('"/media/', f'"{Path(settings.MEDIA_ROOT).as_uri()}/')
        html = html.replace("</head>", f'<link rel="stylesheet" href="{statisch}{pdf.PRINT_CSS}"></head>', 1)
        with tempfile.TemporaryDirectory() as map_:
            bron, uit = Path(map_) / "rapport.html", Path(map_) / "uit.pdf"
            bron.write_text(html, encoding="utf-8")
            voor_cpu, start = _kinderen_cpu(), time.perf_counter()
            subprocess.run(  # noqa: S603 (a fixed program on our own file)
                [
                    str(CHROMIUM),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    f"--user-data-dir={map_}/profiel",
                    f"--print-to-pdf={uit}",
                    bron.as_uri(),
                ],
                capture_output=True,
                check=False,
                timeout=600,
            )
            wall, cpu = time.perf_counter() - start, _kinderen_cpu() - voor_cpu
            paginas = _pagina_aantal(uit.read_bytes()) if uit.exists() else 0
        per_cpu = paginas / max(cpu, 0.001)
        return f"Chromium:   {cpu:6.1f} CPU-s {wall:6.1f} s | {paginas:>4} p. | {per_cpu:5.1f} p. per CPU-s"

    def _serveren(self, client, concept, vastgesteld) -> str:
        def download(url):
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content

        adopted_t, _, adopted_cpu = _measure(lambda: download(f"/rapportages/{vastgesteld.slug}/pdf/"))
        concept_t, _, concept_cpu = _measure(lambda: download(f"/rapportages/{concept.slug}/pdf/"))
        anoniem = Client(HTTP_HOST="127.0.0.1")
        assert anoniem.get(vastgesteld.get_absolute_url()).status_code == 200  # its first reader
        pagina_t, pagina_q, pagina_cpu = _measure(lambda: anoniem.get(vastgesteld.get_absolute_url()))
        return (
            f"vastgesteld {_ms(adopted_cpu)} CPU {_ms(adopted_t)} | "
            f"concept (opgeslagen of 202) {_ms(concept_cpu)} CPU {_ms(concept_t)} | "
            f"openbare vastgestelde pagina, anoniem: {pagina_q} q {_ms(pagina_cpu)} CPU"
        )

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
                    multiply_demodata(factor, perioden=6)
                export_t, export_q, _ = _measure(exporteer_programma)
                werkmap = exporteer_programma()
                rijen = sum(len(_blad) for _blad in _bladen(werkmap))
                proef_t, proef_q, _ = _measure(
                    lambda w=werkmap: importeer_programma(w, "bench.xlsx", bevestig=False), 3
                )
                structuur = get_structuur(update)
                xlsx_t, *_ = _measure(lambda s=structuur: export.structuur_xlsx(s))
                json_t, *_ = _measure(lambda s=structuur: export.structuur_json(s))
                _leeg_programma()
                leeg_t, leeg_q, _ = _measure(
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


def _client(rol: str) -> Client:
    gebruiker = get_user_model().objects.create_user(f"bench-{rol}", is_staff=rol == "projectleider")
    gebruiker.groups.add(Group.objects.get(name=rol))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(gebruiker)
    return client


def _sleutel_functie():
    from rapportage import selectors

    return getattr(selectors, "inhoud_sleutel", None)


def _kind_env() -> dict:
    return {**os.environ, "DJANGO_DEBUG": "true"}


def _vaststellen(editie, inhoud: bytes):
    """Adopts an edition with an already rendered PDF (its bytes only matter for serving)."""
    from unittest import mock

    from rapportage import pdf, renders, services
    from rapportage.models import Rapportage

    Rapportage.objects.filter(pk=editie.pk).update(status=Rapportage.Status.TER_REVIEW)
    editie.refresh_from_db()
    with mock.patch.object(pdf, "render_pdf", return_value=inhoud):
        services.vaststellen(
            editie,
            vastgesteld_op=editie.peildatum,
            vastgesteld_door="het college",
            openbaar=True,
            override_reden="bench",
        )
        renders.maken(editie.pk)  # the worker's part, here and now (the bench runs no worker)
    editie = Rapportage.objects.get(pk=editie.pk)
    assert editie.is_vastgesteld, editie.status
    return editie

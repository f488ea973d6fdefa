"""`manage.py pdf_profiel`: how fast WeasyPrint renders the demo's editions, at 1× and 10× the demo data.

Every factor runs in a fresh process (a throwaway test database, the demo data, the editions built first), so the
CPU seconds and the peak memory are those of the render alone and not of an earlier one. With --profiel the render
of one factor is written as cProfile statistics (read them with `python -m pstats`).
"""

from __future__ import annotations

import cProfile
import datetime
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

FACTOREN = (1, 10)


class Command(BaseCommand):
    help = "Meet de PDF-render (pagina's, CPU-seconden, pagina's per CPU-seconde, piekgeheugen) bij 1× en 10×."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, help="meet alleen deze factor, in dit proces")
        parser.add_argument("--profiel", metavar="PAD", help="schrijf cProfile-statistieken van de render hierheen")
        parser.add_argument("--bewaar", metavar="MAP", help="schrijf de PDF's in deze map")
        parser.add_argument("--json", action="store_true", dest="als_json", help="één regel JSON")

    def handle(self, *args, factor=None, profiel=None, bewaar=None, als_json=False, **options):
        if factor is None:
            self._alle_factoren(profiel)
            return
        uitslag = self._meet(factor, profiel, bewaar)
        self.stdout.write(json.dumps(uitslag) if als_json else _regel(uitslag))

    def _alle_factoren(self, profiel):
        self.stdout.write(_KOP)
        for factor in FACTOREN:
            opdracht = [sys.executable, "manage.py", "pdf_profiel", "--factor", str(factor), "--json"]
            if profiel and factor == FACTOREN[-1]:
                opdracht += ["--profiel", profiel]
            uit = subprocess.run(opdracht, check=True, capture_output=True, text=True, cwd=settings.BASE_DIR)  # noqa: S603 (our own command)
            self.stdout.write(_regel(json.loads(uit.stdout.strip().splitlines()[-1])))

    def _meet(self, factor: int, profiel: str | None, bewaar: str | None) -> dict:
        creation = connection.creation
        oude_naam = connection.settings_dict["NAME"]
        creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            return self._render(factor, profiel, bewaar)
        finally:
            creation.destroy_test_db(oude_naam, verbosity=0)

    def _render(self, factor: int, profiel: str | None, bewaar: str | None) -> dict:
        from pypdf import PdfReader

        from molenlanden.demo.programma import load_demodata
        from molenlanden.demo.scale import multiply_demodata
        from rapportage.builder import build_structuur
        from rapportage.models import Rapportage
        from rapportage.pdf import render_pdf
        from rapportage.services import editie_opslaan

        load_demodata()
        if factor > 1:
            multiply_demodata(factor, perioden=6)
        edities = [
            editie_opslaan(Rapportage(titel=titel, slug=slug, soort=slug.replace("-", "_"), peildatum=peildatum))
            for titel, slug, peildatum in (
                ("Wrap-up", "wrap-up", datetime.date(2020, 11, 1)),
                ("Update", "update", datetime.date(2021, 6, 1)),
            )
        ]
        structuren = [build_structuur(editie) for editie in edities]
        render_pdf({**structuren[0], "themas": structuren[0]["themas"][:1]})  # warm up: imports, fonts, templates
        rss_voor = _rss_mb()

        profiler = cProfile.Profile() if profiel else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        pdfs = [render_pdf(structuur) for structuur in structuren]
        if profiler:
            profiler.disable()
            profiler.dump_stats(profiel)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        for editie, pdf in zip(edities, pdfs, strict=True) if bewaar else ():
            (Path(bewaar) / f"{editie.slug}-{factor}x.pdf").write_bytes(pdf)
        paginas = sum(len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs)
        return {
            "factor": factor,
            "paginas": paginas,
            "cpu": cpu,
            "wall": wall,
            "kb": sum(len(pdf) for pdf in pdfs) // 1024,
            "rss_voor": rss_voor,
            "rss_piek": _rss_mb(),
        }


_KOP = f"{'data':>4} | {'pagina':>6} | {'CPU':>7} | {'wand':>7} | {'p./CPU-s':>8} | {'PDF':>7} | piek RSS (vóór render)"


def _regel(u: dict) -> str:
    return (
        f"{u['factor']:>3}× | {u['paginas']:>6} | {u['cpu']:>5.1f} s | {u['wall']:>5.1f} s | "
        f"{u['paginas'] / u['cpu']:>8.1f} | {u['kb']:>4} kB | {u['rss_piek']:>4.0f} MB ({u['rss_voor']:.0f} MB)"
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from molenlanden.common.formatting import datum
from molenlanden.programma_io.commando import datum_argument
from molenlanden.programma_io.werkmap import exporteer_programma


class Command(BaseCommand):
    help = (
        "Exporteert het programma naar een Excel-werkmap: thema's, inspanningen met hun voortgang, mijlpalen, "
        "kernen en dorpsacties. Dezelfde werkmap leest import_programma weer in."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", metavar="FILE.xlsx", help="de werkmap die wordt geschreven")
        parser.add_argument(
            "--peildatum",
            type=datum_argument,
            metavar="JJJJ-MM-DD",
            help="per inspanning de voortgang op of vóór deze datum (standaard: de nieuwste)",
        )

    def handle(self, *args, bestand, peildatum=None, **options):
        if not bestand.lower().endswith(".xlsx"):
            raise CommandError("Geef een bestandsnaam die eindigt op .xlsx.")
        with translation.override("nl"):
            inhoud = exporteer_programma(peildatum)
        try:
            Path(bestand).write_bytes(inhoud)
        except OSError as fout:
            raise CommandError(f"{bestand} kan niet worden geschreven: {fout.strerror}.")
        voortgang = f"voortgang per {datum(peildatum)}" if peildatum else "de nieuwste voortgang"
        self.stdout.write(f"Programma geëxporteerd naar {bestand} ({voortgang}).")

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import translation

from molenlanden.programma_io.commando import import_argumenten, lees_bestand, rapporteer
from molenlanden.programma_io.werkmap import importeer_programma


class Command(BaseCommand):
    help = (
        "Leest een programma-werkmap (.xlsx, zoals export_programma die maakt) in. Zonder --bevestig een proefimport: "
        "u ziet wat er zou veranderen en welke rijen fout zijn, en er verandert niets. Met fouten eindigt het "
        "commando met een foutcode en verandert er niets, ook niet met --bevestig."
    )

    def add_arguments(self, parser):
        import_argumenten(parser, ".xlsx")

    def handle(self, *args, bestand, bevestig=False, **options):
        inhoud = lees_bestand(bestand)
        with translation.override("nl"):
            verslag = importeer_programma(inhoud, Path(bestand).name, bevestig=bevestig)
            rapporteer(self, verslag, bevestig=bevestig)

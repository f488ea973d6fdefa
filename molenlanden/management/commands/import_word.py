from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from molenlanden.common.formatting import datum
from molenlanden.programma_io.commando import datum_argument, import_argumenten, lees_bestand, rapporteer
from molenlanden.programma_io.word_import import importeer_word
from thema.kleuren import DIMENSIES
from thema.models import Thema


class Command(BaseCommand):
    help = (
        "Leest inspanningen uit een Word-document (.docx) zoals de gemeente ze schrijft: per inspanning een kop met "
        "code en titel, dan Omschrijving, Inhoud, Planning en Financiën met een kleur (G, O, R of het woord) en "
        "tekst. Zonder --bevestig een proefimport; met fouten verandert er niets."
    )

    def add_arguments(self, parser):
        import_argumenten(parser, ".docx")
        parser.add_argument("--thema", required=True, metavar="CODE", help="de code van het thema, bijvoorbeeld A")
        parser.add_argument(
            "--peildatum",
            type=datum_argument,
            metavar="JJJJ-MM-DD",
            help="de peildatum van het oordeel (standaard: vandaag)",
        )

    def handle(self, *args, bestand, thema, bevestig=False, peildatum=None, **options):
        gekozen = Thema.objects.filter(code=thema).first()
        if gekozen is None:
            codes = ", ".join(Thema.objects.values_list("code", flat=True))
            raise CommandError(f"Thema '{thema}' bestaat niet; kies uit {codes}.")
        peildatum = peildatum or timezone.localdate()
        inhoud = lees_bestand(bestand)
        with translation.override("nl"):
            verslag = importeer_word(inhoud, Path(bestand).name, thema=gekozen, peildatum=peildatum, bevestig=bevestig)
            self.stdout.write(f"Thema {gekozen}, peildatum {datum(peildatum)}")
            for inspanning in verslag.inspanningen:
                kleuren = ", ".join(f"{label.lower()} {inspanning.kleur(veld)}" for veld, label in DIMENSIES)
                rij = verslag.resultaat(inspanning)
                self.stdout.write(f"- {inspanning.naam}: {kleuren}{f' ({rij.soort})' if rij else ''}")
                for melding in inspanning.meldingen:
                    self.stdout.write(f"    Let op: {melding}")
            rapporteer(self, verslag, bevestig=bevestig)

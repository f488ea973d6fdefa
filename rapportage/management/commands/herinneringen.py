import argparse
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from molenlanden.common.formatting import datum
from molenlanden.common.users import display_name
from rapportage import herinneringen, planning


def _datum(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is geen datum: gebruik JJJJ-MM-DD, bijvoorbeeld 2021-09-12")


def _regel(bericht) -> str:
    wanneer = "vóór" if bericht.moment == planning.VOORAF else "na"
    return (
        f"{display_name(bericht.ontvanger)}{f' <{bericht.ontvanger.email}>' if bericht.ontvanger.email else ''}: "
        f"{bericht.editie.titel}, {wanneer} de uiterste datum ({datum(bericht.fase.einde)}): {bericht.codes}"
    )


class Command(BaseCommand):
    help = (
        "Herinnert trekkers van wie voortgang ontbreekt, een aantal dagen vóór en na de uiterste datum van "
        "'voortgang uitvragen' (HERINNERING_DAGEN_VOOR en HERINNERING_DAGEN_NA). Ieder krijgt elke herinnering "
        "één keer per editie: veilig om dagelijks te draaien (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="laat zien wat er verstuurd zou worden; verstuurt en bewaart niets"
        )
        parser.add_argument("--datum", dest="op", type=_datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")

    def handle(self, *args, dry_run=False, op=None, **options):
        vandaag = op or timezone.localdate()
        met, zonder = herinneringen.te_versturen(vandaag)
        self.stdout.write(
            f"Herinneringen op {datum(vandaag)} ({settings.HERINNERING_DAGEN_VOOR} dagen vóór en "
            f"{settings.HERINNERING_DAGEN_NA} dagen na de uiterste datum):"
        )
        if not met and not zonder:
            self.stdout.write("Er is vandaag niemand te herinneren.")
        for bericht in zonder:
            self.stdout.write(f"- geen e-mailadres, niet verstuurd: {_regel(bericht)}")
        if dry_run:
            for bericht in met:
                self.stdout.write(f"- zou versturen: {_regel(bericht)}")
            self.stdout.write(f"Proefdraai: {len(met)} herinnering(en) niet verstuurd en niet vastgelegd.")
            return
        verstuurd, mislukt = 0, []
        for bericht in met:
            try:
                gelukt = herinneringen.versturen(bericht)
            except Exception as fout:  # the mail server refused: nothing was recorded, the next run tries again
                mislukt.append(f"{_regel(bericht)} ({fout})")
                continue
            if gelukt:
                verstuurd += 1
                self.stdout.write(f"- verstuurd: {_regel(bericht)}")
        self.stdout.write(f"{verstuurd} herinnering(en) verstuurd.")
        if mislukt:
            raise CommandError(
                "Niet verstuurd (de volgende run probeert het opnieuw):\n" + "\n".join(f"- {m}" for m in mislukt)
            )

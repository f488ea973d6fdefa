"""Erases the personal data of inbreng rounds whose retention period has ended; safe to run daily (cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from inbreng import services


class Command(BaseCommand):
    help = (
        "Wist namen, e-mailadressen en niet-openbare teksten van inbrengrondes die langer dan "
        "INBRENG_BEWAARTERMIJN_MAANDEN gesloten zijn. De aantallen blijven."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Laat alleen zien wat gewist zou worden.")

    def handle(self, *args, dry_run=False, **options):
        uitnodigingen = list(services.te_wissen())
        per_ronde: dict = {}
        for u in uitnodigingen:
            per_ronde.setdefault(u.ronde, []).append(u)
        maanden = settings.INBRENG_BEWAARTERMIJN_MAANDEN
        if not per_ronde:
            self.stdout.write(f"Niets te wissen: geen ronde is langer dan {maanden} maanden gesloten met gegevens.")
            return
        for ronde, deelnemers in per_ronde.items():
            bijdragen = sum(u.bijdragen.count() for u in deelnemers)
            wat = f"de gegevens van {len(deelnemers)} deelnemer(s) en {bijdragen} bijdrage(n)"
            zin = f"zou {wat} wissen" if dry_run else f"{wat} gewist"
            self.stdout.write(f"{ronde.titel}: {zin}; de aantallen blijven.")
            if not dry_run:
                for u in deelnemers:
                    services.wissen(u)
        if dry_run:
            self.stdout.write("Proefrun: er is niets gewist.")

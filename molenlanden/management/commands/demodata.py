from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from molenlanden.demo.accounts import create_demoaccounts, demo_wachtwoord
from molenlanden.demo.programma import load_demodata


class Command(BaseCommand):
    help = (
        "Laadt het demoprogramma, de drie edities met hun planning en het budget van de monitor (idempotent); "
        "met --gebruikers ook de vier demo-accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gebruikers", action="store_true", help="maak de demo-accounts, één per rol")

    def handle(self, *args, gebruikers=False, **options):
        if gebruikers and not settings.DEBUG:
            raise CommandError(
                "Demo-accounts worden alleen gemaakt als DJANGO_DEBUG aan staat: "
                "maak in productie echte accounts met createsuperuser of in het beheer."
            )
        changes = load_demodata(rapportages=True)
        self.stdout.write(f"Demodata geladen: {changes} record(s) aangemaakt of bijgewerkt.")
        if gebruikers:
            wachtwoord = demo_wachtwoord()
            namen = create_demoaccounts(wachtwoord)
            self.stdout.write(f"Demo-accounts: {', '.join(namen)}; wachtwoord voor elk: {wachtwoord}")

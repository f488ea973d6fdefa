"""Erasure after the retention period: personal data gone, counts kept, idempotent, with a dry run."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from inbreng import services
from inbreng.models import Bijdrage, Uitnodiging
from inbreng.rapport import netwerk
from tests.inbreng.maak import maak_bijdrage


def _opschonen(*args) -> str:
    out = io.StringIO()
    call_command("inbreng_opschonen", *args, stdout=out)
    return out.getvalue()


def _gesloten(ronde, dagen):
    ronde.open_van = timezone.now() - datetime.timedelta(days=dagen + 30)
    ronde.open_tot = timezone.now() - datetime.timedelta(days=dagen)
    ronde.save()


def test_erasure_keeps_the_counts_and_leaves_no_personal_data(uitnodiging, settings):
    settings.INBRENG_BEWAARTERMIJN_MAANDEN = 6
    geaccepteerd = services.accepteren(maak_bijdrage(uitnodiging, toestemming_contact=True, email="p@example.org"))
    maak_bijdrage(uitnodiging, soort="voorstel", naam="Piet", toestemming_contact=True, email="p@example.org")
    voor = netwerk(uitnodiging.ronde.editie)
    _gesloten(uitnodiging.ronde, 200)

    assert "zou de gegevens van 1 deelnemer(s) en 2 bijdrage(n) wissen" in _opschonen("--dry-run")
    assert Uitnodiging.objects.get().email == "do@example.org"

    assert "de gegevens van 1 deelnemer(s) en 2 bijdrage(n) gewist" in _opschonen()
    u = Uitnodiging.objects.get()
    assert (u.naam, u.email, u.gewist_op is not None) == ("", "", True)
    for b in Bijdrage.objects.all():
        assert (b.naam, b.organisatie, b.email, b.toestemming_contact) == ("", "", "", False)
    assert Bijdrage.objects.get(soort="voorstel").doel == ""  # never public: its text goes too
    assert Bijdrage.objects.get(pk=geaccepteerd.pk).goed  # accepted and public: stays, without a name
    na = netwerk(uitnodiging.ronde.editie)
    for sleutel in ("aantal_deelnemers", "aantal_bijdragen", "per_thema", "per_kern", "aantal_voorstellen"):
        assert na[sleutel] == voor[sleutel]

    assert "Niets te wissen" in _opschonen()  # idempotent


def test_a_round_within_its_retention_period_is_left_alone(uitnodiging, settings):
    settings.INBRENG_BEWAARTERMIJN_MAANDEN = 6
    maak_bijdrage(uitnodiging)
    _gesloten(uitnodiging.ronde, 30)
    assert "Niets te wissen" in _opschonen()
    assert Uitnodiging.objects.get().email == "do@example.org"

"""The demo's closed round for the Update 2021: a few dozen contributions over kernen and thema's, some accepted, and
one proposal that became an inspanning shown in the demo Update."""

from django.utils import timezone

from inbreng.models import Bijdrage, InbrengRonde
from molenlanden.demo.programma import load_demodata
from rapportage.builder import build_structuur


def test_the_demo_has_a_closed_round_with_realistic_contributions(db):
    load_demodata(rapportages=True)
    ronde = InbrengRonde.objects.get()
    assert not ronde.is_open() and ronde.open_tot < timezone.now()
    bijdragen = Bijdrage.objects.filter(ronde=ronde)
    assert 24 <= bijdragen.count() <= 60
    assert len({b.thema_id for b in bijdragen}) >= 6
    assert Bijdrage.kernen.through.objects.values("kern").distinct().count() >= 12
    assert 0 < bijdragen.geaccepteerd().count() < bijdragen.count()
    voorstel = bijdragen.get(inspanning_gemaakt__isnull=False)
    netwerk = build_structuur(ronde.editie)["netwerk"]
    assert [i["code"] for i in netwerk["nieuwe_inspanningen"]] == [voorstel.inspanning_gemaakt.code]
    assert len(netwerk["citaten"]) == 3
    assert load_demodata(rapportages=True) == 0

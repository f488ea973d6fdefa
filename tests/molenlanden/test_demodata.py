import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from dorpen.models import Dorpsactie, Kern
from molenlanden.demo.programma import load_demodata
from thema.models import Inspanning, Thema, Voortgang

MODELS = (Thema, Inspanning, Voortgang, Kern, Dorpsactie)


def _tellingen():
    return {m.__name__: (m.objects.count(), m.history.count()) for m in MODELS}


def test_loads_the_demo_programme(db):
    assert load_demodata() > 0
    assert {m.__name__: m.objects.count() for m in MODELS} == {
        "Thema": 7,
        "Inspanning": 24,
        "Voortgang": 44,
        "Kern": 21,
        "Dorpsactie": 30,
    }
    a1 = Inspanning.objects.get(code="A1")
    assert (a1.thema.code, a1.titel, a1.budget) == ("A", "Woningbouwversneller", 146830)
    assert Kern.objects.get(naam="Nieuwpoort").soort == Kern.Soort.STAD


def test_second_run_changes_nothing(db):
    load_demodata()
    before = _tellingen()
    assert load_demodata() == 0
    assert _tellingen() == before


def test_second_run_restores_a_changed_record_only(db):
    load_demodata()
    Inspanning.objects.filter(code="A1").update(titel="Gewijzigd")
    before = _tellingen()
    assert load_demodata() == 1
    assert Inspanning.objects.get(code="A1").titel == "Woningbouwversneller"
    assert _tellingen()["Inspanning"] == (before["Inspanning"][0], before["Inspanning"][1] + 1)


def test_command_reports_zero_changes_on_second_run(db, capsys):
    call_command("demodata")
    call_command("demodata")
    assert "Demodata geladen: 0 record(s) aangemaakt of bijgewerkt." in capsys.readouterr().out


def test_command_refuses_demo_accounts_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="alleen gemaakt als DJANGO_DEBUG aan staat"):
        call_command("demodata", "--gebruikers")
    assert not get_user_model().objects.exists()
    assert not Thema.objects.exists()  # refused before anything was loaded


def test_command_makes_demo_accounts_with_debug_on(db, settings, monkeypatch, capsys):
    settings.DEBUG = True
    # Never touch the checkout's real password file from a test; the editions' PDFs are not tested here.
    monkeypatch.setattr("rapportage.services.vaststellen", lambda *args, **kwargs: None)
    monkeypatch.setattr("molenlanden.management.commands.demodata.demo_wachtwoord", lambda: "demo-wachtwoord-123")
    call_command("demodata", "--gebruikers")
    call_command("demodata", "--gebruikers")
    assert "wachtwoord voor elk: demo-wachtwoord-123" in capsys.readouterr().out

    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) == {"projectleider", "redacteur", "college", "trekker"}
    assert {u: list(users[u].groups.values_list("name", flat=True)) for u in users} == {
        "projectleider": ["projectleider"],
        "redacteur": ["redactie"],
        "college": ["college"],
        "trekker": ["trekker"],
    }
    assert [u for u in users if users[u].is_staff] == ["projectleider"]
    assert users["college"].check_password("demo-wachtwoord-123")
    assert set(Inspanning.objects.van_trekker(users["trekker"]).values_list("code", flat=True)) == {"C1", "C2", "G1"}

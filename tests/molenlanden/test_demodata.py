import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from dorpen.models import Dorpsactie, Kern
from molenlanden.demo.programma import load_demodata
from rapportage import planning
from rapportage.models import Besteding, Budgetjaar, Fase, Rapportage
from tests.helpers import TEST_PASSWORD
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

    users = {u.username: u for u in get_user_model().objects.all() if u.has_usable_password()}
    assert set(users) == {"projectleider", "redacteur", "college", "trekker"}
    # The members of the project who played the demo's review round cannot log in.
    assert set(
        get_user_model().objects.exclude(pk__in=[u.pk for u in users.values()]).values_list("username", flat=True)
    ) == {
        "demo-aon",
        "demo-aog",
        "demo-communicatie",
    }
    assert {u: list(users[u].groups.values_list("name", flat=True)) for u in users} == {
        "projectleider": ["projectleider"],
        "redacteur": ["redactie"],
        "college": ["college"],
        "trekker": ["trekker"],
    }
    assert [u for u in users if users[u].is_staff] == ["projectleider"]
    assert users["college"].check_password("demo-wachtwoord-123")
    assert set(Inspanning.objects.van_trekker(users["trekker"]).values_list("code", flat=True)) == {"C1", "C2", "G1"}


# --- The monitor's own work: editions with their planning, the college's voortgangsrapportage, the budget -------


@pytest.fixture
def met_edities(db):
    load_demodata(rapportages=True)
    return {e.soort: e for e in Rapportage.objects.all()}


def test_loads_the_editions_their_planning_and_the_budget(met_edities):
    assert {m.__name__: m.objects.count() for m in (Rapportage, Fase, Voortgang, Budgetjaar, Besteding)} == {
        "Rapportage": 3,
        "Fase": 15,
        "Voortgang": 44 + 24,  # the voortgangsrapportage's round: every lopende inspanning per 1 september 2021
        "Budgetjaar": 5,
        "Besteding": 8,
    }
    assert load_demodata(rapportages=True) == 0


def _maanden(editie) -> tuple[str, str]:
    fasen = list(editie.fasen.all())
    return (f"{min(f.begindatum for f in fasen):%Y-%m}", f"{max(f.einde for f in fasen):%Y-%m}")


def test_editions_are_planned_as_the_projectopdracht_says(met_edities):
    # "Wrap up: Gereed januari 2021; Update: januari- juli 2021."
    assert _maanden(met_edities["wrap_up"])[1] == "2021-01"
    assert _maanden(met_edities["update"]) == ("2021-01", "2021-07")
    for editie in met_edities.values():
        assert [f.soort for f in editie.fasen.order_by("begindatum")] == planning.VOLGORDE
        assert planning.check_volgorde(list(editie.fasen.all())) == []
    vgr = met_edities["voortgang"]
    assert planning.inleverdatum(vgr.fasen.all()) == datetime.date(2021, 9, 15)
    assert vgr.fasen.get(soort="college").begindatum == datetime.date(2021, 10, 5)


def test_the_budget_is_the_projectopdrachts(met_edities):
    overzicht = Budgetjaar.objects.overzicht()
    assert [(j["jaar"], j["budget"]) for j in overzicht["jaren"]] == [
        (2020, Decimal("10000")),
        *((jaar, Decimal("9707")) for jaar in range(2021, 2025)),
    ]
    assert overzicht["totaal"] == {"budget": Decimal("48828"), "besteed": Decimal("17080"), "restant": Decimal("31748")}


def test_the_voortgangsrapportage_was_reviewed_and_adopted(met_edities):
    vgr = met_edities["voortgang"]
    assert (vgr.status, vgr.vastgesteld_op, vgr.openbaar) == ("vastgesteld", datetime.date(2021, 10, 12), True)
    draden = list(vgr.opmerkingen.draden())
    assert len(draden) == 4 and all(d.opgelost_op and d.antwoorden.count() == 1 for d in draden)
    assert [(b.redacteur.get_full_name(), b.oordeel) for b in vgr.beoordelingen.all()] == [
        ("Ambtelijk opdrachtgever (AOG)", "akkoord"),
        ("Adviseur communicatie", "akkoord"),
    ]
    gebeurtenissen = [(g.soort, g.op.date()) for g in vgr.review_gebeurtenissen.all()]
    assert gebeurtenissen == [("ter_review", datetime.date(2021, 9, 16)), ("vastgesteld", datetime.date(2021, 10, 12))]


def test_the_voortgangsrapportage_shows_changed_colours_explained(met_edities):
    structuur = met_edities["voortgang"].snapshot
    assert structuur["totalen"]["aantal_inspanningen"] == 24
    gewijzigd = {i["code"] for i in structuur["veranderd"]["kleur_gewijzigd"]}
    assert {"A2", "E2", "F2"} <= gewijzigd  # planning and financiën that turned red
    afwijkend = [i for t in structuur["themas"] for i in t["inspanningen"] if i["afwijkend"]]
    assert afwijkend
    for i in afwijkend:
        assert i["peildatum_voortgang"] == "2021-09-01"
        assert i["bijsturing"], i["code"]
        for d in i["dimensies"]:
            if d["kleur"] in ("oranje", "rood"):
                assert len(d["toelichting"]) > 60, (i["code"], d["veld"])
    bijlage = structuur["bijlage_planning"]
    assert [f["soort"] for f in bijlage["fasen"]] == planning.VOLGORDE
    # The appendix counts what was spent up to the peildatum: in 2021 three of the four spendings.
    assert bijlage["budget"]["jaren"][1] == {
        "jaar": 2021,
        "budget": "9707.00",
        "besteed": "7750.00",
        "restant": "1957.00",
        "overschreden": False,
    }


def test_the_college_lands_on_the_voortgangsrapportage_and_downloads_its_pdf(met_edities, gebruikers, client):
    vgr = met_edities["voortgang"]
    response = client.post("/inloggen/", {"username": "college", "password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/rapportages/"
    assert response.context["edities"][0] == vgr  # the newest adopted edition comes first
    html = response.content.decode()
    assert html.index("Voortgangsrapportage najaar 2021") < html.index("Digitale wrap-up Samenlevingsprogramma 2020")
    assert "Vastgesteld op 12 oktober 2021 door het college van burgemeester en wethouders" in html

    pdf = client.get(f"/rapportages/{vgr.slug}/pdf/")
    assert (
        pdf["Content-Disposition"]
        == 'attachment; filename="voortgangsrapportage-najaar-2021-2021-09-01-vastgesteld.pdf"'
    )
    with vgr.pdf.open("rb") as f:
        assert pdf.getvalue() == f.read()

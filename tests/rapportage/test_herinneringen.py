"""`python manage.py herinneringen`: automatic reminders before and after the deadline, once per person and moment,
only to trekkers whose voortgang is still missing; a dry run sends and records nothing."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from rapportage.models import Fase, Herinnering
from rapportage.services import planning_opslaan, vaststellen
from tests.helpers import leesbare_tekst
from thema.models import Inspanning, Voortgang

pytestmark = pytest.mark.django_db
D = datetime.date
VOORAF = "2021-09-12"  # three days before the deadline of 15 september
ACHTERAF = "2021-09-17"  # two days after it


@pytest.fixture
def ronde(voortgangsrapportage):
    """Voortgang per 1 september 2021, due on 15 september, to the college on 5 oktober."""
    planning_opslaan(
        voortgangsrapportage,
        [
            Fase(soort="uitvragen", begindatum=D(2021, 9, 1), einddatum=D(2021, 9, 15)),
            Fase(soort="redactie", begindatum=D(2021, 9, 16), einddatum=D(2021, 10, 1)),
            Fase(soort="college", begindatum=D(2021, 10, 5)),
        ],
    )
    return voortgangsrapportage


def _trekker(naam, *codes, email=True):
    user = get_user_model().objects.create_user(
        naam, f"{naam}@example.org" if email else "", first_name=naam.capitalize()
    )
    user.groups.add(Group.objects.get(name="trekker"))
    for inspanning in Inspanning.objects.filter(code__in=codes):
        inspanning.trekkers.add(user)
    return user


@pytest.fixture
def trekkers(demo):
    return {
        "anna": _trekker("anna", "A1", "A2"),
        "bram": _trekker("bram", "B1"),
        "cor": _trekker("cor", "C1", email=False),
    }


def _run(*args) -> str:
    uit = StringIO()
    call_command("herinneringen", *args, stdout=uit)
    return uit.getvalue()


def _lever(code):
    Voortgang.objects.create(
        inspanning=Inspanning.objects.get(code=code),
        peildatum=D(2021, 9, 1),
        inhoud="groen",
        planning="groen",
        financien="groen",
    )


def test_sends_once_and_only_to_those_still_missing(ronde, trekkers, mailoutbox):
    _lever("B1")  # Bram has delivered
    uitvoer = _run("--datum", VOORAF)
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    assert "- verstuurd: Anna <anna@example.org>: Voortgangsrapportage najaar 2021, vóór de uiterste datum " in uitvoer
    assert "(15 september 2021): A1, A2" in uitvoer
    assert "- geen e-mailadres, niet verstuurd: Cor: Voortgangsrapportage najaar 2021" in uitvoer
    assert "1 herinnering(en) verstuurd." in uitvoer

    # The next day's run (and a second run the same day) sends nothing again.
    assert "0 herinnering(en) verstuurd." in _run("--datum", "2021-09-13")
    assert "Er is vandaag niemand te herinneren." not in _run("--datum", VOORAF)  # Cor is still reported
    assert len(mailoutbox) == 1
    assert list(Herinnering.objects.values_list("ontvanger__username", "moment", "inspanningen")) == [
        ("anna", "vooraf", "A1, A2")
    ]


def test_after_the_deadline_a_second_reminder_to_who_still_misses(ronde, trekkers, mailoutbox):
    _run("--datum", VOORAF)
    _lever("A1")
    _lever("A2")  # Anna delivers after her reminder
    _run("--datum", ACHTERAF)
    assert [m.to for m in mailoutbox] == [["anna@example.org"], ["bram@example.org"], ["bram@example.org"]]
    assert "de uiterste datum is voorbij" in mailoutbox[2].subject
    assert "was de uiterste datum voor uw voortgang 15 september 2021" in mailoutbox[2].body
    _run("--datum", "2021-09-20")
    assert len(mailoutbox) == 3  # once per person and moment
    assert Herinnering.objects.filter(moment="achteraf").get().ontvanger == trekkers["bram"]


def test_the_reminder_names_the_inspanningen_the_deadline_and_the_form(ronde, trekkers, mailoutbox):
    _run("--datum", VOORAF)
    [mail] = [m for m in mailoutbox if m.to == ["anna@example.org"]]
    assert (
        mail.subject
        == "Herinnering: uw voortgang voor Voortgangsrapportage najaar 2021 graag uiterlijk 15 september 2021"
    )
    assert "Beste Anna," in mail.body
    assert (
        "- A1 Woningbouwversneller" in mail.body and "- A2 Starters- en seniorenwoningen in kleine kernen" in mail.body
    )
    assert "http://127.0.0.1:8000/inspanningen/mijn/" in mail.body


def test_a_dry_run_sends_and_records_nothing(ronde, trekkers, mailoutbox):
    uitvoer = _run("--dry-run", "--datum", VOORAF)
    assert "- zou versturen: Anna <anna@example.org>" in uitvoer
    assert "- zou versturen: Bram <bram@example.org>" in uitvoer
    assert "Proefdraai: 2 herinnering(en) niet verstuurd en niet vastgelegd." in uitvoer
    assert mailoutbox == [] and not Herinnering.objects.exists()
    _run("--datum", VOORAF)
    assert len(mailoutbox) == 2  # the real run after it still sends


@pytest.mark.parametrize("op", ["2021-08-31", "2021-09-11", "2021-09-16", "2021-10-05"])
def test_outside_the_moments_nobody_is_reminded(ronde, trekkers, mailoutbox, op):
    assert "Er is vandaag niemand te herinneren." in _run("--datum", op)
    assert mailoutbox == []


def test_an_adopted_edition_or_an_inactive_trekker_gets_no_reminder(ronde, trekkers, mailoutbox):
    get_user_model().objects.filter(username="bram").update(is_active=False)
    _run("--datum", VOORAF)
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    vaststellen(ronde, vastgesteld_op=D(2021, 9, 14), vastgesteld_door="College", override_reden="test")
    assert "Er is vandaag niemand te herinneren." in _run("--datum", ACHTERAF)


def test_a_mail_that_fails_records_nothing_and_is_tried_again(ronde, trekkers, mailoutbox, monkeypatch):
    def weigert(*args, **kwargs):
        raise ConnectionRefusedError("mailserver weigert")

    monkeypatch.setattr("rapportage.emails.send_mail", weigert)
    with pytest.raises(CommandError, match="Niet verstuurd \\(de volgende run probeert het opnieuw\\)"):
        _run("--datum", VOORAF)
    assert not Herinnering.objects.exists()
    monkeypatch.undo()
    _run("--datum", VOORAF)
    assert len(mailoutbox) == 2


def test_a_wrong_date_gets_a_dutch_message(ronde):
    with pytest.raises(CommandError, match="'12-09-2021' is geen datum: gebruik JJJJ-MM-DD"):
        _run("--datum", "12-09-2021")


def test_the_days_before_and_after_are_settings(ronde, trekkers, mailoutbox, settings):
    settings.HERINNERING_DAGEN_VOOR = 7
    _run("--datum", "2021-09-08")
    assert len(mailoutbox) == 2


def test_the_chase_list_names_the_deadline_and_the_automatic_reminders(
    ronde, trekkers, projectleider, mailoutbox, django_capture_on_commit_callbacks
):
    _run("--datum", VOORAF)
    tekst = leesbare_tekst(projectleider.get(f"/rapportages/{ronde.slug}/achterstand/").content.decode())
    assert "Uiterste datum voor de voortgang: 15 september 2021: die is voorbij." in tekst
    assert "automatisch (vóór de uiterste datum): Anna over A1, A2" in tekst
    # The projectleider's own reminder from the chase list names the deadline too.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        projectleider.post(f"/rapportages/{ronde.slug}/achterstand/herinneren/")
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "bram@example.org"]
    assert all("Wilt u de voortgang invullen, uiterlijk 15 september 2021?" in m.body for m in mailoutbox)


def test_the_chase_list_of_an_unplanned_edition_asks_for_a_planning(voortgangsrapportage, projectleider):
    tekst = leesbare_tekst(projectleider.get(f"/rapportages/{voortgangsrapportage.slug}/achterstand/").content.decode())
    assert (
        "Deze editie heeft nog geen uiterste datum voor de voortgang: plan ‘voortgang uitvragen’ in het beheer" in tekst
    )

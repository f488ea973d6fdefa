"""Trekkers see on "Mijn inspanningen" by when their voortgang is due: the last day of "voortgang uitvragen" of the
edition that asks for it, for their own inspanningen still without voortgang, and for nobody else's."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from molenlanden.common.formatting import datum
from rapportage.models import Fase
from rapportage.services import planning_opslaan, vaststellen
from tests.helpers import leesbare_tekst, nieuwe_editie, rij_tekst
from thema.models import Inspanning, Voortgang

VANDAAG = timezone.localdate()
DAG = datetime.timedelta(days=1)


def _plan(editie, *, uiterlijk, college):
    return planning_opslaan(
        editie,
        [
            Fase(soort="uitvragen", begindatum=editie.peildatum, einddatum=uiterlijk),
            Fase(soort="college", begindatum=college),
        ],
    )


@pytest.fixture
def ronde(update):
    """An edition asking voortgang per a week ago, due in five days, to the college in three weeks."""
    editie = nieuwe_editie(
        titel="Voortgangsrapportage nu", slug="vgr-nu", soort="voortgang", peildatum=VANDAAG - 7 * DAG
    )
    _plan(editie, uiterlijk=VANDAAG + 5 * DAG, college=VANDAAG + 21 * DAG)
    return editie


def _tekst(response) -> str:
    html = response.content.decode()
    return leesbare_tekst(html[html.index("<main") : html.index("</main>")])


def _rij(response, code) -> str:
    return rij_tekst(response, f"{code} ")


def test_trekker_sees_by_when_their_voortgang_is_due(trekker, a1, ronde):
    response = trekker.get("/inspanningen/mijn/")
    tekst = _tekst(response)
    assert (
        f"Voortgangsrapportage nu: de voortgang per {datum(ronde.peildatum)} van 1 inspanning graag uiterlijk "
        f"{datum(VANDAAG + 5 * DAG)} invullen." in tekst
    )
    assert datum(VANDAAG + 5 * DAG) in _rij(response, "A1")
    # The button opens the form on the peildatum the edition asks for.
    html = response.content.decode()
    assert f'href="/inspanningen/A1/voortgang/nieuw/?peildatum={ronde.peildatum:%Y-%m-%d}"' in html
    assert f"Voortgang per {datum(ronde.peildatum)} toevoegen" in html


def test_the_deadline_is_not_shown_to_another_trekker(a1, ronde, gebruikers):
    # Another trekker, of A2, has delivered: no request for them, and never A1's.
    ander = get_user_model().objects.create_user("trekker2", "trekker2@example.org")
    ander.groups.add(Group.objects.get(name="trekker"))
    a2 = Inspanning.objects.get(code="A2")
    a2.trekkers.add(ander)
    Voortgang.objects.create(
        inspanning=a2, peildatum=ronde.peildatum, inhoud="groen", planning="groen", financien="groen"
    )
    client = Client()
    client.force_login(ander)
    response = client.get("/inspanningen/mijn/")
    assert response.context["uitvragen"] == []
    assert "Gevraagd" not in _tekst(response) and "uiterlijk" not in _tekst(response)
    assert "A1" not in _tekst(response)
    assert "Niets gevraagd" in _rij(response, "A2")


def test_a_trekker_without_inspanningen_sees_no_deadline(ronde, gebruikers):
    client = Client()
    client.force_login(gebruikers["trekker"])
    assert client.get("/inspanningen/mijn/").context["uitvragen"] == []


def test_delivered_voortgang_ends_the_request(trekker, a1, ronde):
    Voortgang.objects.create(
        inspanning=a1, peildatum=ronde.peildatum, inhoud="groen", planning="groen", financien="groen"
    )
    response = trekker.get("/inspanningen/mijn/")
    assert response.context["uitvragen"] == []
    assert "Niets gevraagd" in _rij(response, "A1")


def test_after_the_deadline_it_says_late_and_after_the_college_nothing(trekker, a1, ronde):
    ronde.fasen.filter(soort="uitvragen").update(einddatum=VANDAAG - DAG)
    tekst = _tekst(trekker.get("/inspanningen/mijn/"))
    assert f"is te laat: de uiterste datum was {datum(VANDAAG - DAG)}. Vul hem zo snel mogelijk in." in tekst
    ronde.fasen.filter(soort="college").update(begindatum=VANDAAG - DAG)
    assert trekker.get("/inspanningen/mijn/").context["uitvragen"] == []


def test_an_adopted_or_unplanned_edition_asks_nothing(trekker, a1, ronde):
    vaststellen(ronde, vastgesteld_op=VANDAAG, vastgesteld_door="College", override_reden="test")
    assert trekker.get("/inspanningen/mijn/").context["uitvragen"] == []
    nieuwe_editie(titel="Ongepland", slug="ongepland", soort="voortgang", peildatum=VANDAAG)
    assert trekker.get("/inspanningen/mijn/").context["uitvragen"] == []


def test_projectleider_sees_the_requests_over_all_inspanningen(projectleider, a1, ronde):
    [uitvraag] = projectleider.get("/inspanningen/mijn/").context["uitvragen"]
    assert (uitvraag.titel, len(uitvraag.ontbrekend)) == ("Voortgangsrapportage nu", 24)


def test_the_form_starts_on_the_asked_peildatum(trekker, a1, ronde):
    response = trekker.get(f"/inspanningen/A1/voortgang/nieuw/?peildatum={ronde.peildatum:%Y-%m-%d}")
    assert response.context["form"]["peildatum"].value() == ronde.peildatum
    # Nonsense in the address is ignored: the form starts on today.
    assert (
        trekker.get("/inspanningen/A1/voortgang/nieuw/?peildatum=morgen").context["form"]["peildatum"].value()
        == VANDAAG
    )


def test_the_page_reads_with_the_same_number_of_queries_at_ten_times_the_data(
    trekker, a1, ronde, django_assert_num_queries
):
    from molenlanden.demo.scale import multiply_demodata

    trekker.get("/inspanningen/mijn/")  # warm up: session, content types
    # session, user, roles, the trekker's inspanningen; the requests: editions, their phases, all inspanningen
    with django_assert_num_queries(4 + 3):
        trekker.get("/inspanningen/mijn/")
    multiply_demodata(10)
    with django_assert_num_queries(4 + 3):
        response = trekker.get("/inspanningen/mijn/")
    assert [len(u.ontbrekend) for u in response.context["uitvragen"]] == [1]

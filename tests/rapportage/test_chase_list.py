"""The chase list: lopende inspanningen without voortgang since the previous edition, and the reminder e-mail."""

import datetime

import pytest
from django.urls import reverse

from rapportage.models import ReviewGebeurtenis
from thema.models import Inspanning, Voortgang

pytestmark = pytest.mark.django_db


@pytest.fixture
def zonder_nieuwe_voortgang(update, gebruikers):
    """A1 loses its 2021 voortgang; the trekker owns A1."""
    Voortgang.objects.filter(inspanning__code="A1", peildatum=datetime.date(2021, 6, 1)).delete()
    a1 = Inspanning.objects.get(code="A1")
    a1.trekkers.add(gebruikers["trekker"])
    return a1


def test_chase_list_shows_inspanningen_without_new_voortgang(zonder_nieuwe_voortgang, update, gebruikers, client):
    client.force_login(gebruikers["projectleider"])
    response = client.get(reverse("rapportage:achterstand", args=[update.slug]))
    codes = [i.code for i in response.context["achterstand"]]
    assert "A1" in codes and "A2" not in codes
    assert "trekker" in response.content.decode()


def test_reminder_mails_the_trekkers(
    zonder_nieuwe_voortgang, update, gebruikers, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(gebruikers["projectleider"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("rapportage:herinneren", args=[update.slug]), follow=True)
    assert "1 herinnering verstuurd." in response.content.decode()
    [mail] = mailoutbox
    assert mail.to == ["trekker@example.org"]
    assert "A1 Woningbouwversneller" in mail.body and update.titel in mail.subject
    assert "http://127.0.0.1:8000/inspanningen/mijn/" in mail.body  # straight to the form
    assert ReviewGebeurtenis.objects.filter(soort="herinnering").exists()


def test_no_reminder_when_nothing_is_missing(update, gebruikers, client, mailoutbox):
    Voortgang.objects.filter(peildatum__lte=datetime.date(2020, 11, 1)).update(peildatum=datetime.date(2021, 5, 1))
    client.force_login(gebruikers["projectleider"])
    response = client.post(reverse("rapportage:herinneren", args=[update.slug]), follow=True)
    assert not response.context["achterstand"] or mailoutbox == []

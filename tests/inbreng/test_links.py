"""The personal link: signed, bound to one round, refused when revoked, expired or of another round."""

import datetime

from django.core import signing
from django.utils import timezone

from inbreng import links
from inbreng.models import Uitnodiging
from tests.inbreng.maak import maak_bijdrage, maak_ronde


def test_the_link_opens_the_participants_own_page(client, uitnodiging):
    maak_bijdrage(uitnodiging)
    html = client.get(links.pad(uitnodiging)).content.decode()
    assert "Mijn bijdragen" in html and "De nieuwe woningen in het dorp zijn een succes." in html
    assert "Uw persoonlijke link" in html


def test_a_tampered_link_is_refused(client, uitnodiging):
    pad = links.pad(uitnodiging)
    response = client.get(pad[:-3] + "xyz/")
    assert response.status_code == 403
    assert "Deze link klopt niet" in response.content.decode()


def test_a_link_of_another_round_is_refused(client, uitnodiging, update):
    andere = maak_ronde(update, slug="andere-ronde")
    response = client.get(f"/inbreng/{andere.slug}/{links.token(uitnodiging)}/")
    assert response.status_code == 403
    assert "hoort bij een andere inbrengronde" in response.content.decode()


def test_a_revoked_link_is_refused(client, uitnodiging):
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(ingetrokken_op=timezone.now())
    response = client.get(links.pad(uitnodiging))
    assert response.status_code == 403
    assert "ingetrokken" in response.content.decode()


def test_an_expired_link_is_refused(client, uitnodiging, settings):
    ronde = uitnodiging.ronde
    ronde.open_van = timezone.now() - datetime.timedelta(days=400)
    ronde.open_tot = timezone.now() - datetime.timedelta(days=300)
    ronde.save()
    settings.INBRENG_BEWAARTERMIJN_MAANDEN = 6
    response = client.get(links.pad(uitnodiging))
    assert response.status_code == 403
    assert "verlopen" in response.content.decode()


def test_a_closed_round_still_shows_the_answers_but_takes_nothing_new(client, uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging)
    ronde = uitnodiging.ronde
    ronde.open_van = timezone.now() - datetime.timedelta(days=40)
    ronde.open_tot = timezone.now() - datetime.timedelta(days=10)
    ronde.save()
    pad = links.pad(uitnodiging)
    html = client.get(pad).content.decode()
    assert "Deze ronde is gesloten" in html and "Wijzigen" not in html
    assert client.get(f"{pad}nieuw/thema/").status_code == 403
    assert client.post(f"{pad}{bijdrage.pk}/wijzigen/", {"goed": "anders"}).status_code == 403


def test_the_token_is_signed_with_djangos_signing(uitnodiging):
    token = links.token(uitnodiging)
    assert signing.Signer(salt=links.SALT).unsign_object(token) == {"r": uitnodiging.ronde_id, "u": uitnodiging.pk}
    assert links.token(uitnodiging) == token  # stable: the link in a reminder is the link in the invitation

"""A participant reacts, proposes, edits and withdraws through their link or the open page; abuse is held off."""

import pytest
from django.core.cache import cache

from inbreng import links
from inbreng.models import Bijdrage, Uitnodiging
from tests.inbreng.maak import maak_bijdrage


@pytest.fixture(autouse=True)
def _lege_cache(db):
    """The rate limit counts in the cache (a database table when there is no Redis): every test starts at zero."""
    cache.clear()
    yield
    cache.clear()


def _reactie(**extra):
    return {"thema": "", "goed": "De bibliotheek in het dorpshuis werkt goed.", "beter": "", **extra}


def _thema_pk(code="A"):
    from thema.models import Thema

    return Thema.objects.get(code=code).pk


def test_an_invitee_reacts_to_a_thema_and_sees_a_confirmation(client, uitnodiging):
    pad = links.pad(uitnodiging)
    response = client.post(f"{pad}nieuw/thema/", _reactie(thema=_thema_pk()), follow=True)
    html = response.content.decode()
    assert "Dank u wel! Uw bijdrage is ontvangen." in html
    bijdrage = Bijdrage.objects.get()
    assert (bijdrage.uitnodiging, bijdrage.soort, bijdrage.status) == (uitnodiging, "thema", "nieuw")
    assert "De bibliotheek in het dorpshuis werkt goed." in html


def test_an_invitee_proposes_an_inspanning(client, uitnodiging):
    from dorpen.models import Kern

    data = {
        "titel": "Ontmoetingsplek voor jongeren",
        "doel": "Een plek waar jongeren uit de dorpen elkaar zien.",
        "thema": _thema_pk("C"),
        "kernen": [Kern.objects.get(naam="Streefkerk").pk, Kern.objects.get(naam="Nieuwpoort").pk],
        "wie_kan_helpen": "Jong Molenlanden",
    }
    response = client.post(f"{links.pad(uitnodiging)}nieuw/voorstel/", data)
    assert response.status_code == 302
    voorstel = Bijdrage.objects.get()
    assert voorstel.soort == "voorstel" and voorstel.thema.code == "C"
    assert sorted(k.naam for k in voorstel.kernen.all()) == ["Nieuwpoort", "Streefkerk"]


def test_a_proposal_needs_a_title_an_aim_and_a_place(client, uitnodiging):
    response = client.post(f"{links.pad(uitnodiging)}nieuw/voorstel/", {"thema": _thema_pk()})
    html = response.content.decode()
    assert response.status_code == 200 and "Uw bijdrage is nog niet verstuurd" in html
    assert "Kies één of meer kernen, of ‘voor de hele gemeente’." in html
    assert Bijdrage.objects.count() == 0


def test_a_reaction_needs_some_text(client, uitnodiging):
    response = client.post(f"{links.pad(uitnodiging)}nieuw/thema/", _reactie(thema=_thema_pk(), goed=""))
    assert "Schrijf op wat goed gaat of wat beter kan" in response.content.decode()
    assert Bijdrage.objects.count() == 0


def test_text_is_limited_in_length_and_stored_as_plain_text(client, uitnodiging):
    te_lang = client.post(f"{links.pad(uitnodiging)}nieuw/thema/", _reactie(thema=_thema_pk(), goed="x" * 1001))
    assert "(het zijn er nu 1001)" in te_lang.content.decode()
    assert Bijdrage.objects.count() == 0
    client.post(
        f"{links.pad(uitnodiging)}nieuw/thema/", _reactie(thema=_thema_pk(), goed="<script>x</script> <b>vet</b>")
    )
    assert Bijdrage.objects.get().goed == "<script>x</script> <b>vet</b>"  # stored as typed, shown escaped
    html = client.get(links.pad(uitnodiging)).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x</script>" not in html


def test_contact_details_only_with_consent(client, uitnodiging):
    zonder = _reactie(thema=_thema_pk(), naam="Jan", email="jan@example.org")
    response = client.post(f"{links.pad(uitnodiging)}nieuw/thema/", zonder)
    assert "Vink aan dat we contact met u mogen opnemen" in response.content.decode()
    met = zonder | {"toestemming_contact": "on"}
    assert client.post(f"{links.pad(uitnodiging)}nieuw/thema/", met).status_code == 302
    assert Bijdrage.objects.get().email == "jan@example.org"


def test_the_open_page_gives_a_new_participant_their_own_link(client, ronde):
    response = client.post(f"/inbreng/{ronde.slug}/nieuw/thema/", _reactie(thema=_thema_pk()))
    deelnemer = Uitnodiging.objects.get()
    assert deelnemer.zelf_aangemeld and deelnemer.email == ""
    assert response["Location"] == links.pad(deelnemer) + "#mijn-bijdragen"
    assert "Bewaar de link van deze pagina" in client.get(response["Location"]).content.decode()


def test_the_open_page_is_closed_to_a_round_for_invitees_only(client, ronde):
    ronde.voor_iedereen = False
    ronde.save()
    assert client.post(f"/inbreng/{ronde.slug}/nieuw/thema/", _reactie(thema=_thema_pk())).status_code == 403
    assert "persoonlijke link uit uw uitnodiging" in client.get(f"/inbreng/{ronde.slug}/").content.decode()
    assert Bijdrage.objects.count() == 0


def test_a_participant_edits_and_withdraws_only_their_own(client, uitnodiging, ronde):
    eigen = maak_bijdrage(uitnodiging)
    ander = maak_bijdrage(Uitnodiging.objects.create(ronde=ronde, naam="Ander", email="a@example.org"), goed="Anders")
    pad = links.pad(uitnodiging)
    assert client.get(f"{pad}{ander.pk}/wijzigen/").status_code == 404
    assert client.post(f"{pad}{ander.pk}/intrekken/").status_code == 404
    assert "Anders" not in client.get(pad).content.decode()
    response = client.post(f"{pad}{eigen.pk}/wijzigen/", _reactie(thema=_thema_pk("B"), goed="Gewijzigd"))
    assert response.status_code == 302
    eigen.refresh_from_db()
    assert (eigen.goed, eigen.thema.code) == ("Gewijzigd", "B")
    assert client.post(f"{pad}{eigen.pk}/intrekken/").status_code == 302
    assert list(Bijdrage.objects.all()) == [ander]


def test_an_edit_goes_back_to_the_kernteam(client, uitnodiging):
    from inbreng import services

    bijdrage = services.accepteren(maak_bijdrage(uitnodiging))
    client.post(f"{links.pad(uitnodiging)}{bijdrage.pk}/wijzigen/", _reactie(thema=_thema_pk(), goed="Nieuw"))
    bijdrage.refresh_from_db()
    assert bijdrage.status == "nieuw"


def test_the_honeypot_saves_nothing(client, uitnodiging):
    response = client.post(f"{links.pad(uitnodiging)}nieuw/thema/", _reactie(thema=_thema_pk(), website="spam.example"))
    assert response.status_code == 200 and "Dank u wel" in response.content.decode()
    assert Bijdrage.objects.count() == 0


def test_the_rate_limit_holds_per_link(client, uitnodiging, settings):
    settings.INBRENG_LIMIET = 3
    pad = f"{links.pad(uitnodiging)}nieuw/thema/"
    codes = [client.post(pad, _reactie(thema=_thema_pk()), REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    response = client.post(pad, _reactie(thema=_thema_pk()), REMOTE_ADDR="10.0.0.99")
    assert response.status_code == 429 and "Even wachten" in response.content.decode()
    assert Bijdrage.objects.count() == 3


def test_the_rate_limit_holds_per_address(client, ronde, settings):
    settings.INBRENG_LIMIET = 2
    pad = f"/inbreng/{ronde.slug}/nieuw/thema/"
    codes = [client.post(pad, _reactie(thema=_thema_pk()), REMOTE_ADDR="10.1.1.1").status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert client.post(pad, _reactie(thema=_thema_pk()), REMOTE_ADDR="10.1.1.2").status_code == 302


def test_a_participant_can_ask_for_erasure(client, uitnodiging):
    bijdrage = maak_bijdrage(uitnodiging, toestemming_contact=True, email="p@example.org", naam="Piet")
    pad = links.pad(uitnodiging)
    assert "Mijn gegevens laten wissen" in client.get(f"{pad}wissen/").content.decode()
    assert "Uw gegevens zijn gewist" in client.post(f"{pad}wissen/").content.decode()
    bijdrage.refresh_from_db()
    uitnodiging.refresh_from_db()
    assert (bijdrage.naam, bijdrage.email, bijdrage.goed) == ("", "", "")
    assert (uitnodiging.naam, uitnodiging.email) == ("", "")
    assert client.get(pad).status_code == 403


def test_the_link_from_a_thema_chooses_that_thema(client, uitnodiging):
    html = client.get(f"{links.pad(uitnodiging)}nieuw/thema/?thema=C").content.decode()
    assert f'<option value="{_thema_pk("C")}" selected>' in html

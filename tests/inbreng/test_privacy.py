"""The privacy statement: linked from every page next to the accessibility statement, and it says what, why, how
long, the rights and whom to ask."""


def test_every_page_links_to_the_privacy_statement(client, db):
    for pad in ("/", "/rapportages/", "/inloggen/", "/inbreng/", "/toegankelijkheid/"):
        html = client.get(pad).content.decode()
        naast_elkaar = '>Toegankelijkheid</a></li>\n        <li><a href="/privacy/">Privacy</a>'
        assert naast_elkaar in html


def test_the_statement_says_what_why_how_long_and_whom_to_ask(client, db, settings):
    settings.CONTACT_EMAIL = "privacy@example.org"
    settings.INBRENG_BEWAARTERMIJN_MAANDEN = 9
    html = client.get("/privacy/").content.decode()
    assert "<h1>Privacyverklaring</h1>" in html
    for kop in ("Als u meedoet aan een inbrengronde", "Als u een account hebt", "Logbestanden", "Uw rechten"):
        assert kop in html
    assert "9 maanden nadat de ronde sluit" in html
    assert "Wat we bewaren:" in html and "Waarom:" in html and "Hoe lang:" in html
    assert 'href="mailto:privacy@example.org"' in html


def test_the_quote_is_chosen_in_the_admin_and_only_when_accepted(projectleider, uitnodiging):
    from inbreng import services
    from inbreng.models import Bijdrage
    from tests.inbreng.maak import maak_bijdrage

    bijdrage = maak_bijdrage(uitnodiging)
    pad = f"/admin/inbreng/bijdrage/{bijdrage.pk}/change/"
    response = projectleider.post(pad, {"citaat": "on"})
    assert "Alleen een geaccepteerde bijdrage kan als citaat in de editie." in response.content.decode()
    services.accepteren(bijdrage)
    assert projectleider.post(pad, {"citaat": "on"}).status_code == 302
    assert Bijdrage.objects.get().citaat

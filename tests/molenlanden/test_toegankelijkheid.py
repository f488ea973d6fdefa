"""The accessibility statement: linked from every page, with the norm, how it is measured and where to report."""

from molenlanden import toegankelijkheid
from tests.rechten import ROLLEN


def test_every_page_links_to_the_statement(client, db):
    for pad in ("/", "/rapportages/", "/inloggen/"):
        assert 'href="/toegankelijkheid/">Toegankelijkheid</a>' in client.get(pad).content.decode()


def test_the_statement_names_status_norm_method_and_contact(client, db, settings):
    settings.CONTACT_EMAIL = "toegankelijk@example.org"
    html = client.get("/toegankelijkheid/").content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in html
    assert "Status: voldoet volledig" in html and "WCAG 2.1, niveau A en AA" in html
    assert "axe-core" in html and "Nu HTML Checker" in html and "320 CSS-pixels" in html
    assert 'href="mailto:toegankelijk@example.org"' in html


def test_the_statement_names_the_roles_the_browser_walk_checks():
    # tests/browser/test_every_page.py walks every page for each of these roles.
    assert len(toegankelijkheid.ROLLEN) == len(ROLLEN)

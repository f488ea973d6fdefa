import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_and_start_page(page, live_server, gebruikers, live_demo, login, assert_accessible):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert_accessible()

    login("redacteur")

    expect(page.get_by_role("heading", name="Het programma in één oogopslag")).to_be_visible()
    expect(page.get_by_role("rowheader", name="A. Wonen en leven in Molenlanden")).to_be_visible()
    expect(page.get_by_text("30 dorpsacties in 21 kernen")).to_be_visible()
    assert_accessible()

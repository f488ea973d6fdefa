"""The PDF while it is made: the waiting page follows the render (htmx) and starts the download when it is ready."""

import datetime

import pytest
from playwright.sync_api import expect

from rapportage import renders
from tests.helpers import nieuwe_editie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_waiting_page_leads_to_the_download(page, live_server, gebruikers, settings, login, assert_accessible):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # the worker waits
    editie = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    login("college")

    page.goto(f"{live_server.url}/rapportages/{editie.slug}/pdf/")
    expect(page.get_by_role("heading", name="PDF van Update 2021")).to_be_visible()
    expect(page.get_by_text("De PDF wordt gemaakt…")).to_be_visible()
    expect(page.get_by_role("link", name="Vernieuwen")).to_be_visible()
    assert_accessible()

    with page.expect_download(timeout=15_000) as info:
        renders.maken(editie.pk)  # the worker makes it; the page asks every two seconds
    assert info.value.suggested_filename == "update-2021-2021-06-01-concept.pdf"

import pytest
from django.test import Client

from thema.models import Inspanning


@pytest.fixture
def a1(demo, gebruikers):
    """Inspanning A1 from the demo data, with the test trekker as one of its trekkers."""
    inspanning = Inspanning.objects.get(code="A1")
    inspanning.trekkers.add(gebruikers["trekker"])
    return inspanning


def _ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def projectleider(gebruikers) -> Client:
    """A browser session of the projectleider (its own client, so a test can play two people at once)."""
    return _ingelogd(gebruikers["projectleider"])


@pytest.fixture
def trekker(gebruikers) -> Client:
    """A browser session of the trekker of A1."""
    return _ingelogd(gebruikers["trekker"])

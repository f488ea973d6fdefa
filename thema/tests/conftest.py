import pytest

from thema.models import Inspanning


@pytest.fixture
def a1(demo, gebruikers):
    """Inspanning A1 from the demo data, with the test trekker as one of its trekkers."""
    inspanning = Inspanning.objects.get(code="A1")
    inspanning.trekkers.add(gebruikers["trekker"])
    return inspanning

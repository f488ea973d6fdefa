import datetime

import pytest

from rapportage.models import Rapportage


@pytest.fixture
def wrap_up(demo):
    return Rapportage.objects.create(
        titel="Digitale wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1)
    )


@pytest.fixture
def update(wrap_up):
    return Rapportage.objects.create(
        titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1)
    )


@pytest.fixture
def voortgangsrapportage(update):
    return Rapportage.objects.create(
        titel="Voortgangsrapportage najaar 2021",
        slug="vgr-najaar-2021",
        soort="voortgang",
        peildatum=datetime.date(2021, 9, 1),
    )

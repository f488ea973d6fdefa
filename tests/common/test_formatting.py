import datetime
from decimal import Decimal

from molenlanden.common.formatting import datum, datumtijd, euro


def test_euro_whole_amount_with_dash():
    assert euro(146830) == "€\u00a0146.830,-"


def test_euro_cents_and_negative():
    assert euro(Decimal("1234.5")) == "€\u00a01.234,50"
    assert euro(-12) == "-€\u00a012,-"


def test_datum_in_words():
    assert datum(datetime.date(2026, 11, 23)) == "23 november 2026"
    assert datum("2021-06-01") == "1 juni 2021"


def test_datumtijd_in_dutch_local_time():
    moment = datetime.datetime(2026, 11, 23, 13, 5, tzinfo=datetime.UTC)
    assert datumtijd(moment) == "23 november 2026 om 14:05"
    assert datumtijd(moment.isoformat()) == "23 november 2026 om 14:05"
    assert datum(moment.isoformat()) == "23 november 2026"


def test_the_same_words_whatever_language_is_active():
    from django.utils import translation

    with translation.override("en"):
        assert (datum(datetime.date(2021, 3, 1)), euro(1234567)) == ("1 maart 2021", "€\u00a01.234.567,-")


def test_filters_in_a_rendered_template():
    from django.template import Context, Template

    html = Template("{% load nl %}<p>{{ budget|euro }} per {{ peildatum|datum }}; leeg: '{{ niets|euro }}'</p>").render(
        Context({"budget": Decimal("146830.00"), "peildatum": datetime.date(2026, 11, 23), "niets": None})
    )
    # A non-breaking space keeps the euro sign on the same line as the amount.
    assert html == "<p>€\u00a0146.830,- per 23 november 2026; leeg: ''</p>"


def test_start_page_shows_the_peildatum_in_words(client, gebruikers, demo):
    client.force_login(gebruikers["college"])
    assert "tot en met 1 juni 2021" in client.get("/").content.decode()


def test_admin_list_shows_budget_in_euro(client, gebruikers, demo):
    client.force_login(gebruikers["projectleider"])
    html = client.get("/admin/thema/inspanning/", {"q": "A1"}).content.decode()
    assert "€\u00a0146.830,-" in html

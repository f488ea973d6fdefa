import datetime
from decimal import Decimal

from molenlanden.formatting import datum, euro


def test_euro_whole_amount_with_dash():
    assert euro(146830) == "€\u00a0146.830,-"


def test_euro_cents_and_negative():
    assert euro(Decimal("1234.5")) == "€\u00a01.234,50"
    assert euro(-12) == "-€\u00a012,-"


def test_datum_in_words():
    assert datum(datetime.date(2026, 11, 23)) == "23 november 2026"
    assert datum("2021-06-01") == "1 juni 2021"

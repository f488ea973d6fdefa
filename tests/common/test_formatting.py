import datetime
from decimal import Decimal

import pytest

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
    assert "Stand per 1 juni 2021" in client.get("/").content.decode()


def test_admin_list_shows_budget_in_euro(client, gebruikers, demo):
    client.force_login(gebruikers["projectleider"])
    html = client.get("/admin/thema/inspanning/", {"q": "A1"}).content.decode()
    assert "€\u00a0146.830,-" in html


def test_bedrag_says_none_in_words_instead_of_zero_euro():
    from molenlanden.common.formatting import bedrag

    assert bedrag(Decimal("3500"), "geen bijdrage") == "€\u00a03.500,-"
    assert bedrag(Decimal("0.00"), "geen bijdrage") == "geen bijdrage"
    assert bedrag(None, "geen budget vastgelegd") == "geen budget vastgelegd"
    assert bedrag("3872030") == "€\u00a03.872.030,-"


@pytest.mark.parametrize(
    ("getypt", "bedrag"),
    [
        ("146.830,00", "146830.00"),
        ("€ 146.830,-", "146830"),
        ("146830,5", "146830.5"),
        ("146830.50", "146830.50"),
        ("146.830", "146830"),
        ("1.234.567,89", "1234567.89"),
        ("12", "12"),
    ],
)
def test_amounts_are_read_as_a_dutch_civil_servant_types_them(getypt, bedrag):
    from molenlanden.common.bedragen import EuroFormField

    assert EuroFormField(required=False).clean(getypt) == Decimal(bedrag)


def test_an_amount_field_shows_dutch_notation_and_refuses_nonsense():
    from django.core.exceptions import ValidationError

    from molenlanden.common.bedragen import EuroFormField

    veld = EuroFormField(required=False)
    assert veld.prepare_value(Decimal("146830.00")) == "146.830,00"
    assert veld.clean("€ 146.830,-") == Decimal("146830")
    with pytest.raises(ValidationError, match="is geen bedrag; schrijf bijvoorbeeld 146830,50"):
        veld.clean("veel")
    with pytest.raises(ValidationError, match="meer dan twee cijfers achter de komma"):
        veld.clean("1,234")


def test_no_amount_in_an_edition_reads_as_a_trailing_dash_and_a_full_stop(client, gebruikers, wrap_up, update):
    client.force_login(gebruikers["college"])
    for editie in (wrap_up, update):
        html = client.get(f"/rapportages/{editie.slug}/").content.decode()
        assert ",-." not in html
        assert "€\u00a00,-" not in html


def test_euro_and_datum_write_what_djangos_dutch_formats_write():
    from django.utils import formats, translation

    bedragen = [0, 1, 999, 1000, 146830, 1234567, Decimal("0.5"), Decimal("1234.5"), Decimal("-0.004"), -12, 10**9]
    with translation.override("nl"):
        for waarde in bedragen:
            bedrag = abs(Decimal(str(waarde)).quantize(Decimal("0.01")))
            plaatsen = 0 if bedrag == bedrag.to_integral_value() else 2
            getal = formats.number_format(bedrag, decimal_pos=plaatsen, use_l10n=True, force_grouping=True)
            assert euro(waarde).endswith(f"€\u00a0{getal}{',-' if plaatsen == 0 else ''}"), waarde
        for maand in range(1, 13):
            dag = datetime.date(2021, maand, maand + 17)
            assert datum(dag) == formats.date_format(dag, "j F Y")

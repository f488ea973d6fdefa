"""The start page and the admin lists read with a fixed number of queries, whatever the amount of data."""

import pytest

from molenlanden.demo.scale import multiply_demodata

# Measured with the demo data; a change here means a page now queries per row (or a new fixed query). An admin list
# counts its whole table once, for "12 resultaten (240 totaal)" beside a filter or a search.
PAGINAS = [
    ("college", "/", 10),
    ("redacteur", "/", 11),
    ("trekker", "/", 11),
    ("projectleider", "/", 14),
    ("projectleider", "/admin/thema/inspanning/", 10),
    ("projectleider", "/admin/thema/inspanning/?laatste_inhoud=groen&q=a", 10),
    ("projectleider", "/admin/thema/voortgang/", 11),
    ("projectleider", "/admin/thema/voortgang/?planning__exact=oranje&o=-3", 11),
    ("projectleider", "/admin/dorpen/dorpsactie/", 10),
    ("projectleider", "/admin/dorpen/dorpsactie/?status__exact=in_uitvoering&o=5", 10),
    ("projectleider", "/admin/rapportage/rapportage/", 8),
]


@pytest.mark.parametrize(("username", "url", "verwacht"), PAGINAS)
def test_same_number_of_queries_at_ten_times_the_data(
    client, gebruikers, demo, django_assert_num_queries, username, url, verwacht
):
    client.force_login(gebruikers[username])
    client.get(url)  # warm up: the session and the content types are cached after the first request

    with django_assert_num_queries(verwacht) as bij_1x:
        response = client.get(url)
    assert response.status_code == 200

    multiply_demodata(10)
    with django_assert_num_queries(len(bij_1x.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_vermenigvuldig_demodata_makes_ten_times_the_programme_in_the_same_kernen(demo):
    from dorpen.models import Dorpsactie, Kern
    from thema.models import Inspanning, Thema, Voortgang

    models = (Thema, Inspanning, Voortgang, Dorpsactie)
    before = [m.objects.count() for m in models]
    kernen = Kern.objects.count()
    nieuwpoort = Dorpsactie.objects.filter(kern__naam="Nieuwpoort").count()
    multiply_demodata(10)
    assert [m.objects.count() for m in models] == [10 * n for n in before]
    assert Kern.objects.count() == kernen == 21
    assert Dorpsactie.objects.filter(kern__naam="Nieuwpoort").count() == 10 * nieuwpoort
    assert Inspanning.objects.get(code="A1-10").voortgang.count() == 2


def test_vermenigvuldig_demodata_with_six_periods_per_inspanning(demo):
    from thema.models import Inspanning

    laatste = Inspanning.objects.get(code="A1").voortgang.order_by("-peildatum")[0].peildatum
    multiply_demodata(10, perioden=6)
    for code in ("A1", "A1-10", "C2-4"):
        perioden = list(Inspanning.objects.get(code=code).voortgang.values_list("peildatum", flat=True))
        assert len(perioden) == len(set(perioden)) == 6
    # Earlier periods only: what an edition shows as the latest judgement stays the same.
    assert Inspanning.objects.get(code="A1-10").voortgang.order_by("-peildatum")[0].peildatum == laatste

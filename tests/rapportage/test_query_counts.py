from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from molenlanden.demo.scale import multiply_demodata
from rapportage.builder import build_structuur

BUILDER_QUERIES = 7  # thema's, inspanningen, voortgang, mijlpalen, dorpsacties, kernen, inbreng rounds
# Session, user, the edition, the user's roles, the content key, the cached page, the PDF's state.
WARM_PAGE_QUERIES = 7


def _queries(func):
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_builder_reads_with_a_fixed_number_of_queries(update, django_assert_num_queries):
    with django_assert_num_queries(BUILDER_QUERIES):
        klein = build_structuur(update)
    multiply_demodata(10)
    with django_assert_num_queries(BUILDER_QUERIES):
        groot = build_structuur(update)
    assert groot["totalen"]["aantal_inspanningen"] == 10 * klein["totalen"]["aantal_inspanningen"]


def test_report_page_queries_do_not_grow_with_the_data(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    url = f"/rapportages/{update.slug}/"
    client.get(url)  # warm up: session, content types
    assert _queries(lambda: client.get(url)) == WARM_PAGE_QUERIES  # the page from the cache
    cache.clear()
    bij_1x = _queries(lambda: client.get(url))
    multiply_demodata(10)  # a new content key: built and rendered again
    response = None

    def get():
        nonlocal response
        response = client.get(url)

    assert _queries(get) == bij_1x
    assert response.status_code == 200
    assert _queries(lambda: client.get(url)) == WARM_PAGE_QUERIES
    assert "A1-10" in response.content.decode()

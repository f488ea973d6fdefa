"""The moderation queue and the participant's page read with the same number of queries at 10× the contributions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from inbreng import links
from tests.inbreng.maak import maak_bijdrage
from thema.models import Inspanning

MODERATIE_QUERIES = 12  # session, user, roles, counts, the page and its kernen, the filters' choices
DEELNEMER_QUERIES = 6  # the round, the invitation, the public edition, the questions, own contributions, their kernen


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _bijdragen(uitnodiging, aantal):
    for n in range(aantal):
        soort = ("thema", "inspanning", "voorstel")[n % 3]
        extra = {"inspanning": Inspanning.objects.get(code="A1")} if soort == "inspanning" else {}
        maak_bijdrage(uitnodiging, soort=soort, kernen=("Streefkerk", "Arkel"), **extra)


def test_the_moderation_queue_does_not_grow_with_the_contributions(projectleider, uitnodiging):
    url = "/admin/inbreng/bijdrage/"
    _bijdragen(uitnodiging, 3)
    projectleider.get(url)
    bij_1x = _queries(projectleider, url)
    _bijdragen(uitnodiging, 27)
    assert _queries(projectleider, url) == bij_1x == MODERATIE_QUERIES


def test_the_participant_page_does_not_grow_with_the_contributions(client, uitnodiging):
    url = links.pad(uitnodiging)
    _bijdragen(uitnodiging, 3)
    client.get(url)
    bij_1x = _queries(client, url)
    _bijdragen(uitnodiging, 27)
    assert _queries(client, url) == bij_1x == DEELNEMER_QUERIES


def test_the_network_section_reads_with_two_queries_more(uitnodiging, django_assert_num_queries):
    from rapportage.builder import build_structuur
    from tests.rapportage.test_query_counts import BUILDER_QUERIES

    editie = uitnodiging.ronde.editie
    _bijdragen(uitnodiging, 3)
    with django_assert_num_queries(BUILDER_QUERIES + 2):  # the contributions and their kernen
        build_structuur(editie)
    _bijdragen(uitnodiging, 27)
    with django_assert_num_queries(BUILDER_QUERIES + 2):
        assert build_structuur(editie)["netwerk"]["aantal_bijdragen"] == 30

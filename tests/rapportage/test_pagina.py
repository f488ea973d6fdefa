"""An adopted edition's page comes from the process itself after its first reader: it can never change."""

import datetime

import pytest
from django.core.cache import cache

from rapportage import pagina, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def vastgesteld(wrap_up, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.vaststellen(
            wrap_up,
            vastgesteld_op=datetime.date(2021, 1, 19),
            vastgesteld_door="het college",
            openbaar=True,
            override_reden="Vastgesteld vóór de review in de applicatie",
        )
    wrap_up.refresh_from_db()
    assert wrap_up.is_vastgesteld
    return wrap_up


def _lees(client, editie):
    response = client.get(editie.get_absolute_url())
    assert response.status_code == 200
    return response


def test_adopting_renders_the_adopted_page_before_its_first_reader(vastgesteld, client):
    pagina.vergeten()  # (only the shared cache: as for a web worker beside the one that adopted it)
    assert "rapportage/_rapport.html" not in [t.name for t in _lees(client, vastgesteld).templates]


def test_an_adopted_page_is_read_from_the_process_without_the_shared_cache(vastgesteld, client):
    eerste = _lees(client, vastgesteld).content
    cache.clear()  # the shared cache lost it: the process still has it, and renders nothing
    tweede = _lees(client, vastgesteld)
    assert "rapportage/_rapport.html" not in [t.name for t in tweede.templates]
    assert tweede.content == eerste and "Digitale wrap-up 2020" in tweede.content.decode()


def test_a_concept_page_is_never_kept_in_the_process(update, gebruikers, client):
    client.force_login(gebruikers["college"])
    _lees(client, update)
    cache.clear()
    assert "rapportage/_rapport.html" in [t.name for t in _lees(client, update).templates]


def test_the_process_keeps_a_few_adopted_pages_only(vastgesteld, client, monkeypatch):
    monkeypatch.setattr(pagina, "VASTGESTELD_IN_PROCES", 1)  # its report, its heading and its whole page
    _lees(client, vastgesteld)
    for inhoud in ("andere", "derde", "vierde"):  # as if a second adopted edition was read (its three pieces)
        pagina.rapport_utf8(vastgesteld, inhoud)
    cache.clear()
    assert "rapportage/_rapport.html" in [t.name for t in _lees(client, vastgesteld).templates]


def test_a_concept_page_is_kept_compressed_and_read_back_the_same(update, gebruikers, client):
    from rapportage import selectors

    client.force_login(gebruikers["college"])
    eerste = _lees(client, update)
    assert "rapportage/_rapport.html" in [t.name for t in eerste.templates]
    tweede = _lees(client, update)
    assert "rapportage/_rapport.html" not in [t.name for t in tweede.templates]
    sleutel = selectors.inhoud_sleutel(update)
    rapport = pagina.rapport_utf8(update, sleutel).decode()
    assert rapport in eerste.content.decode() and rapport in tweede.content.decode()  # (beside a nonce per request)
    bewaard = cache.get(f"rapportage-html:{update.pk}:{sleutel}")
    assert isinstance(bewaard, bytes) and len(bewaard) < len(rapport.encode()) / 4


def test_readers_without_a_session_share_the_whole_page_others_get_theirs(vastgesteld, client, gebruikers):
    eerste = _lees(client, vastgesteld)
    tweede = _lees(client, vastgesteld)
    assert not tweede.templates, "the whole page from the process: nothing rendered"
    assert tweede.content == eerste.content and "Cookie" in tweede["Vary"]
    assert "Inloggen" in tweede.content.decode()

    # With a session or a message cookie the page is rendered for that reader (a message is theirs alone).
    client.cookies["messages"] = "iets"
    assert _lees(client, vastgesteld).templates
    client.cookies.clear()
    assert _lees(client, vastgesteld).content == eerste.content

    client.force_login(gebruikers["college"])
    ingelogd = _lees(client, vastgesteld).content.decode()
    assert "Uitloggen" in ingelogd and "csrfmiddlewaretoken" in ingelogd

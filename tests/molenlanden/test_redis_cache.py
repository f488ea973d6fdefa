"""The cache through a real Redis, as production runs it when REDIS_URL is set (concepts' structures and pages).

Without a Redis answering at REDIS_URL (here redis://127.0.0.1:6379/15 unless set) the tests are skipped locally;
in CI (CI set) they fail instead, as the browser tests do.
"""

from __future__ import annotations

import datetime
import os
import uuid
from unittest import mock

import pytest
import redis
from django.core.cache import cache

from rapportage import selectors
from tests.helpers import nieuwe_editie

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=5)
    try:
        client.ping()
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis did not answer at {REDIS_URL}: {error}")
        pytest.skip(f"Redis niet bereikbaar op {REDIS_URL}")
    yield client
    client.close()


@pytest.fixture
def redis_cache(settings, redis_client):
    """Django's RedisCache as the default cache, under a prefix of its own: the Redis may be shared."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    # Only our own keys: cache.clear() would empty the whole Redis database.
    for key in redis_client.scan_iter(match=f"{prefix}:*"):
        redis_client.delete(key)


def test_set_get_and_delete_go_through_redis(redis_cache, redis_client):
    waarde = {"pdf": b"%PDF-1.7 bytes", "peildatum": datetime.date(2021, 6, 1)}

    cache.set("sleutel", waarde, 60)

    assert redis_client.exists(f"{redis_cache}:1:sleutel")  # in Redis itself, not in a per-process cache
    assert 0 < redis_client.ttl(f"{redis_cache}:1:sleutel") <= 60
    assert cache.get("sleutel") == waarde
    cache.delete("sleutel")
    assert cache.get("sleutel") is None
    assert not redis_client.exists(f"{redis_cache}:1:sleutel")


@pytest.mark.django_db
def test_a_concepts_structure_is_built_once_and_then_read_from_redis(redis_cache, redis_client):
    editie = nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))
    sleutel = selectors.inhoud_sleutel(editie)
    with mock.patch.object(selectors, "build_structuur", wraps=selectors.build_structuur) as bouw:
        eerste = selectors.get_structuur(editie, sleutel)
        tweede = selectors.get_structuur(editie, sleutel)

    assert eerste == tweede
    assert bouw.call_count == 1
    [key] = redis_client.keys(f"{redis_cache}:1:rapportage-structuur:*")
    assert redis_client.ttl(key) > selectors.CACHE_SECONDEN - 60

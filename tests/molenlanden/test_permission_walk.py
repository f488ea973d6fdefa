"""Every URL of the project with every role, and the answer each must get (the table in tests/rechten.py).

A URL without an entry in WALK fails `test_every_url_has_an_entry`: a new view cannot slip in unchecked.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.rechten import LOGIN, ROLLEN, WALK


def _named_patterns(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                yield "admin"
                continue
            yield from _named_patterns(p.url_patterns, f"{p.namespace}:" if p.namespace else namespace)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}" if p.name else str(p.pattern).strip("^$").split("/")[0]


def test_every_url_has_an_entry():
    missing = sorted(set(_named_patterns(get_resolver().url_patterns)) - {key.split(" ")[0] for key in WALK})
    assert missing == [], f"URLs zonder rij in de rechtentabel: {missing}"


CASES = [(naam, rol) for naam in WALK for rol in ROLLEN]


@pytest.mark.parametrize(("naam", "rol"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_role_gets_the_expected_answer(client, gebruikers, wereld, naam, rol, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    method, pad, verwacht = WALK[naam]
    pad = pad.format(**wereld)
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    response = getattr(client, method)(pad)
    if verwacht[rol] == LOGIN:
        assert response.status_code == 302, f"{method.upper()} {pad} als {rol}: {response.status_code}"
        login = "/admin/login/" if pad.startswith("/admin/") else "/inloggen/"
        assert response["Location"].startswith(login), response["Location"]
    else:
        assert response.status_code == verwacht[rol], f"{method.upper()} {pad} als {rol}: {response.status_code}"

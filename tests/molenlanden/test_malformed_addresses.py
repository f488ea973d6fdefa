"""Every address of the site, filled with malformed values, answers with a page (404, 400, a redirect or an explained
empty list), never with a server error: the class of bugs where a value in the URL reaches a query unchecked."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

SLECHT = ["abc", "..", "%00", "A%001", "9" * 30, "-1", "%2F%2E%2E", "2021-02-30", "9999-12-31", "%E2%80%AE", "%C0%AF"]
FILTERWAARDEN = ["abc", "%00", "9" * 30, "-1", "99999999999999-01-01", "2021-13-45", "__proto__"]


def _routes(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if getattr(p, "app_name", None) == "admin":
                continue  # walked below, per model
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and p.pattern.converters:
            yield prefix + str(p.pattern)


def _vul(route: str, waarde: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?\w+>", waarde, route).lstrip("^").rstrip("$")


EIGEN = sorted(set(_routes(get_resolver().url_patterns)))


def _client(gebruikers, rol) -> Client:
    client = Client(raise_request_exception=False)
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    return client


def _geen_serverfout(client, pad, method="get"):
    response = getattr(client, method)(pad)
    assert response.status_code < 500, f"{method.upper()} {pad}: {response.status_code}"
    return response


@pytest.mark.parametrize("route", EIGEN)
@pytest.mark.parametrize("rol", ["anoniem", "projectleider"])
def test_own_addresses_with_malformed_values(demo, update, gebruikers, route, rol):
    client = _client(gebruikers, rol)
    for waarde in SLECHT:
        for method in ("get", "post"):
            _geen_serverfout(client, _vul(route, waarde), method)


MODELLEN = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", MODELLEN, ids=[m._meta.label for m in MODELLEN])
def test_admin_addresses_and_filters_with_malformed_values(demo, update, admin_user, model):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)  # a superuser: every admin page, also those no role of ours reaches
    basis = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    model_admin = admin.site._registry[model]
    for waarde in SLECHT:
        for pad in (
            f"{basis}{waarde}/change/",
            f"{basis}{waarde}/delete/",
            f"{basis}{waarde}/history/",
            f"{basis}{waarde}/history/1/",
            f"{basis}1/history/{waarde}/",
        ):
            _geen_serverfout(client, pad)
    parameters = {"q", "o", "p", "e", "_popup", "_to_field", "all"}
    changelist = client.get(basis)
    for spec in changelist.context["cl"].filter_specs:
        parameters |= set(spec.expected_parameters())
    if model_admin.date_hierarchy:
        parameters |= {f"{model_admin.date_hierarchy}__{deel}" for deel in ("year", "month", "day")}
    for parameter in sorted(parameters):
        for waarde in FILTERWAARDEN:
            _geen_serverfout(client, f"{basis}?{parameter}={waarde}")


def test_a_nul_byte_anywhere_is_a_clear_400(demo, projectleider):
    for pad in ("/admin/thema/inspanning/?q=%00", "/rapportages/?x%00=1", "/inspanningen/mijn/?a=b%00"):
        response = projectleider.get(pad)
        assert response.status_code == 400
        assert "Dit verzoek kunnen we niet verwerken" in response.content.decode()
    response = projectleider.post("/admin/thema/thema/add/", {"naam": "Nul\x00byte"})
    assert response.status_code == 400

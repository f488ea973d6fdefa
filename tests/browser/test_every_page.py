"""Every page as every role that can reach it: no axe-core violation (WCAG 2.1 A/AA), no Nu HTML Checker error, no
sideways scrolling at 320 CSS pixels (WCAG 1.4.10, reflow), and with the browser's text size at 200 % no text that
sticks out of its box and a main menu whose items all stay on the screen, apart (WCAG 1.4.4, resize text).

The site's pages come from the permission table (tests/rechten.py), so a new page is walked as soon as it has its
row there; the admin's pages are every page type of every model the projectleider keeps.
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.rechten import ROLLEN, WALK, maak_wereld

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIET_HTML = (
    "rapportage:pdf",
    "rapportage:pdf_status",
    "rapportage:xlsx",
    "rapportage:json",
    "rapportage:schema",
    "healthz",
    "media",
)
PROGRAMMA_APPS = ("thema", "dorpen", "rapportage", "inbreng")

# Elements wider than the screen, outside a container that scrolls by itself (such a container is allowed when it
# is a labelled, focusable region: axe checks that).
REFLOW = """() => {
  const breedte = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= breedte) return [];
  const scrollt = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  const te_breed = [...document.querySelectorAll('body *')].filter(
    (el) => el.getBoundingClientRect().right > breedte + 1 && !scrollt(el) && el.getClientRects().length);
  const naam = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return te_breed.filter((el) => !te_breed.includes(el.parentElement)).slice(0, 5).map(naam);
}"""


# With the text enlarged: text that no longer fits its box and is painted over its neighbours (a cell that keeps
# its line while its column does not grow). Inline elements have no width of their own and are not counted.
TEKST_STEEKT_UIT = """() => {
  const scrollt = (el) => { for (let p = el; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
  return [...document.querySelectorAll('p, li, td, th, dt, dd, label, legend, caption, h1, h2, h3, h4, h5, h6, button')]
    .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 4 && !scrollt(el))
    .slice(0, 5).map((el) => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 40));
}"""
# The main menu's items: each on the screen and none over another (it may wrap onto more lines).
MENU_ONLEESBAAR = """() => {
  const rects = [...document.querySelectorAll('.hoofdmenu a')]
    .map((a) => [a.textContent.trim(), a.getBoundingClientRect()]);
  const breedte = document.documentElement.clientWidth;
  const buiten = rects.filter(([, r]) => r.left < 0 || r.right > breedte + 1)
    .map(([t]) => t + ' valt buiten het scherm');
  const over = rects.flatMap(([t, r], i) => rects.slice(i + 1).filter(([, s]) =>
      r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom)
    .map(([u]) => t + ' ligt over ' + u));
  return [...buiten, ...over];
}"""
# Chromium's own setting for the text size (Settings > Appearance > Font size), not a zoom of the whole page.
TEKST_200 = {"fontSizes": {"standard": 32, "fixed": 26}}
TEKST_100 = {"fontSizes": {"standard": 16, "fixed": 13}}


@pytest.fixture
def wereld_live(live_demo, gebruikers):
    """The permission table's world, committed: a live server reads from its own thread."""
    return maak_wereld(gebruikers)


def _site_paginas(rol: str, wereld: dict) -> list[str]:
    return [
        pad.format(**wereld)
        for naam, (method, pad, verwacht) in WALK.items()
        if method == "get" and verwacht[rol] == 200 and naam.split(" ")[0] not in NIET_HTML
    ]


def _admin_paginas(user) -> list[str]:
    """Every page type of every model the projectleider keeps: index, list, add, change, history, version, delete."""
    verzoek = RequestFactory().get("/admin/")
    verzoek.user = user
    paginas = ["/admin/", *(f"/admin/{app}/" for app in PROGRAMMA_APPS)]
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROGRAMMA_APPS or not model_admin.has_view_permission(verzoek):
            continue
        basis = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        paginas.append(basis)
        if model_admin.has_add_permission(verzoek):
            paginas.append(f"{basis}add/")
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            laatste = model.objects.order_by(
                "pk"
            ).last()  # an edition that may be deleted: the concept, not the adopted
            paginas += [f"{basis}{obj.pk}/change/", f"{basis}{obj.pk}/history/", f"{basis}{laatste.pk}/delete/"]
            historie = getattr(obj, "history", None)  # inbreng keeps no history: it holds personal data
            if historie is not None and (versie := historie.order_by("history_id").first()):
                paginas.append(f"{basis}{obj.pk}/history/{versie.history_id}/")
    return paginas


def _samengevat(regels: list[str]) -> list[str]:
    """The same message on many lines once, with how often: 'r74: Attribute ...' ×12."""
    tellingen: dict[str, int] = {}
    for regel in regels:
        zonder_regelnummer = re.sub(r"^(Nu-checker: )r\d+: ", r"\1", regel)
        tellingen[zonder_regelnummer] = tellingen.get(zonder_regelnummer, 0) + 1
    return [f"{regel} (×{n})" if n > 1 else regel for regel, n in tellingen.items()]


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_is_valid_accessible_and_reflows(
    page, live_server, gebruikers, wereld_live, login, axe, nu_checker, rol
):
    if rol != "anoniem":
        login(rol)
    admin_paginas = _admin_paginas(gebruikers["projectleider"]) if rol == "projectleider" else []
    paginas = _site_paginas(rol, wereld_live) + admin_paginas
    problemen: dict[str, list[str]] = {}
    html = {}
    tekstgrootte = page.context.new_cdp_session(page)
    for pad in sorted(set(paginas)):
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(live_server.url + pad)
        assert response.status == 200, f"{pad} als {rol}: {response.status}"
        html[pad] = response.text()
        for violation in axe():
            problemen.setdefault(pad, []).append(f"axe: {violation}")
        page.set_viewport_size({"width": 320, "height": 800})
        if te_breed := page.evaluate(REFLOW):
            problemen.setdefault(pad, []).append(f"320 px: scrolt opzij door {te_breed}")
        page.set_viewport_size({"width": 1280, "height": 900})
        tekstgrootte.send("Page.setFontSizes", TEKST_200)
        for fout in page.evaluate(TEKST_STEEKT_UIT) + page.evaluate(MENU_ONLEESBAAR):
            problemen.setdefault(pad, []).append(f"tekst 200 %: {fout}")
        tekstgrootte.send("Page.setFontSizes", TEKST_100)
    for pad, fouten in nu_checker(html).items():
        problemen.setdefault(pad, []).extend(f"Nu-checker: {fout}" for fout in fouten)
    rapport = "\n".join(f"{pad}\n  " + "\n  ".join(_samengevat(regels)) for pad, regels in sorted(problemen.items()))
    assert problemen == {}, f"{len(problemen)} van {len(set(paginas))} pagina's als {rol}:\n{rapport}"

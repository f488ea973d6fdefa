"""Fixtures shared by every app: browser tests (Debian's Chromium + axe-core) and demo data at scale."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests.helpers import TEST_PASSWORD, nieuwe_editie, stand_in_pdf

BASIS = Path(__file__).resolve().parent.parent
AXE = BASIS / "node_modules" / "axe-core" / "axe.min.js"
VNU = BASIS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's sync API keeps an event loop running in the test thread for the rest of the session;
# Django would then refuse every ORM call in tests. Tests only (never set in settings).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    missing = [what for what, ok in (("chromium", _chromium()), ("axe-core (npm ci)", AXE.exists())) if not ok]
    if not missing:
        return
    for item in items:
        if "browser" in item.keywords:
            if os.environ.get("CI"):
                # In CI a skipped browser test would hide a failure: make it fail instead.
                item.add_marker(pytest.mark.usefixtures("_browser_required"))
            else:
                item.add_marker(pytest.mark.skip(reason=f"niet geïnstalleerd: {', '.join(missing)}"))


@pytest.fixture
def _browser_required():
    pytest.fail("browser test could not run: chromium or axe-core is missing")


@pytest.fixture(autouse=True)
def _today_when_the_test_starts(request):
    """A module's VANDAAG is today when each of its tests starts, not when the module was imported: a run that
    passes midnight (Amsterdam time) would otherwise compare yesterday with the page's today."""
    if hasattr(request.module, "VANDAAG"):
        request.module.VANDAAG = timezone.localdate()


@pytest.fixture(autouse=True)
def _no_pages_from_an_earlier_test():
    """Each test's database starts afresh (its cache table too); so does the process's own store of adopted pages."""
    from rapportage import pagina

    pagina.vergeten()


@pytest.fixture(autouse=True)
def _files_in_tmp(settings, tmp_path):
    """Uploads and stored PDFs go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": _chromium(),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe is injected as a script: that needs to bypass our own CSP (the app keeps it).
    return {**browser_context_args, "bypass_csp": True, "locale": "nl-NL"}


RUSTIG = """async () => {
  const frame = () => new Promise((klaar) => requestAnimationFrame(() => klaar()));
  void document.body.offsetHeight;
  // Every declared font face, loaded or not yet asked for: a script that builds its widgets late (the rich-text
  // editor's icon toolbar) would otherwise start the icon font's load only after fonts.ready resolved.
  await Promise.all([...document.fonts].map((f) => (f.status === "unloaded" ? f.load() : f.loaded).catch(() => null)));
  await document.fonts.ready;
  await frame();
  await frame();
  const eindig = document.getAnimations().filter(
    (a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(eindig.map((a) => a.finished.catch(() => null)));
}"""


@pytest.fixture
def axe(page):
    """Runs axe-core on the current page; returns the WCAG 2.1 A/AA violations as readable lines."""

    def run() -> list[str]:
        # A page that is still settling is judged as it will be: fonts loaded (an icon font not yet loaded shows
        # its ligature as text) and finite transitions done (the editor's buttons fade in and out of 'disabled').
        page.wait_for_load_state("networkidle")  # late scripts have run (at once when the page is long idle)
        page.evaluate(RUSTIG)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def nu_checker():
    """The Nu HTML Checker (vnu, offline on Debian's Java): checks many pages in one run, returns their errors."""
    import json
    import subprocess
    import tempfile

    missing = [what for what, ok in (("java", shutil.which("java")), ("vnu-jar (npm ci)", VNU.exists())) if not ok]
    if missing:
        # In CI a check that cannot run is a failure, not a pass.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"niet geïnstalleerd: {', '.join(missing)}")

    def check(paginas: dict[str, str]) -> dict[str, list[str]]:
        with tempfile.TemporaryDirectory() as map_:
            bestanden = {}
            for n, (naam, html) in enumerate(paginas.items()):
                pad = Path(map_) / f"pagina-{n}.html"
                pad.write_text(html, encoding="utf-8")
                bestanden[f"file:{pad}"] = naam  # how vnu names the file in its report
            result = subprocess.run(
                ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *(u[5:] for u in bestanden)],
                capture_output=True,
                text=True,
                check=False,
            )
        fouten: dict[str, list[str]] = {}
        for melding in json.loads(result.stderr or "{}").get("messages", []):
            naam = bestanden.get(melding.get("url", ""), melding.get("url", "?"))
            fouten.setdefault(naam, []).append(f"r{melding.get('lastLine')}: {melding['message']}")
        return fouten

    return check


@pytest.fixture
def assert_accessible(axe, page):
    def check():
        violations = axe()
        assert violations == [], f"axe-core op {page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # PBKDF2 takes ~0.3 s per password: four users per test made every test with `gebruikers` slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def gebruikers(db):
    """One user per role, in the role groups (made after every migrate and every flush of the test database)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    users = {}
    for username, groep in (
        ("projectleider", "projectleider"),
        ("redacteur", "redactie"),
        ("college", "college"),
        ("trekker", "trekker"),
    ):
        user = User.objects.create_user(
            username, f"{username}@example.org", TEST_PASSWORD, is_staff=groep == "projectleider"
        )
        user.groups.add(Group.objects.get(name=groep))
        users[username] = user
    return users


@pytest.fixture(scope="module")
def _demo_in_module(django_db_setup, django_db_blocker):
    """The demo programme, loaded once per test module inside a transaction that is rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's `db`), so what a test changes is undone for the next.
    Module-scoped fixtures are set up before function-scoped ones: this transaction always encloses the test's.
    """
    from molenlanden.demo.programma import load_demodata

    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
        load_demodata()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module.__exit__(None, None, None)


@pytest.fixture
def demo(request, _demo_in_module, db):
    """The demo programme (seven thema's, 24 inspanningen, 21 kernen), as it is in `make run`."""
    if "live_server" in request.fixturenames or "transactional_db" in request.fixturenames:
        pytest.fail("A live server cannot see the rolled-back demo data of `demo`: use `live_demo`.")


@pytest.fixture
def verbinding_per_thread(transactional_db, tmp_path):
    """From now on new threads connect as server processes do (each its own connection; see `in_thread`).

    On SQLite to a database file holding everything committed so far, opened with the settings' OPTIONS, not to
    the shared in-memory test database, whose locking is another kind; on PostgreSQL to the test database.
    """
    import sqlite3

    from django.db import connection, connections

    if connection.vendor != "sqlite":
        yield
        return
    bestand = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(bestand) as kopie:
        connection.connection.backup(kopie)
    oud = connections.settings["default"]
    connections.settings["default"] = oud | {"NAME": str(bestand)}
    try:
        yield
    finally:
        connections.settings["default"] = oud


@pytest.fixture
def live_demo(transactional_db):
    """The demo programme, committed, for tests whose browser talks to a live server in another thread."""
    from molenlanden.demo.programma import load_demodata

    load_demodata()


@pytest.fixture(autouse=True)
def _pdf_stand_in(request, monkeypatch):
    """A small real PDF instead of a WeasyPrint render (seconds each), except in tests marked `pdf`.

    Workflow tests need *a* stored file; the tests about the PDF itself render the real one.
    """
    if request.node.get_closest_marker("pdf"):
        return
    from rapportage import pdf

    monkeypatch.setattr(pdf, "render_pdf", stand_in_pdf)


@pytest.fixture
def login(page, live_server):
    """Logs in through the real login form, as a person would."""

    def do(username: str):
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return do


# --- The programme's editions, and people working at once -------------------------------------------------------


@pytest.fixture
def wrap_up(demo):
    return nieuwe_editie(
        titel="Digitale wrap-up 2020", slug="wrap-up-2020", soort="wrap_up", peildatum=datetime.date(2020, 11, 1)
    )


@pytest.fixture
def update(wrap_up):
    return nieuwe_editie(titel="Update 2021", slug="update-2021", soort="update", peildatum=datetime.date(2021, 6, 1))


@pytest.fixture
def voortgangsrapportage(update):
    return nieuwe_editie(
        titel="Voortgangsrapportage najaar 2021",
        slug="vgr-najaar-2021",
        soort="voortgang",
        peildatum=datetime.date(2021, 9, 1),
    )


@pytest.fixture
def wereld(gebruikers, demo):
    """What the addresses of the permission table point at (tests/rechten.py), on the demo programme."""
    from tests.rechten import maak_wereld

    return maak_wereld(gebruikers)


@pytest.fixture
def ter_review(update, gebruikers):
    """The Update, sent for review by the projectleider with a note."""
    from rapportage import review

    return review.ter_review_sturen(update, door=gebruikers["projectleider"], notitie="Kijk vooral naar thema A.")


@pytest.fixture
def a1(demo, gebruikers):
    """Inspanning A1 from the demo data, with the test trekker as one of its trekkers."""
    from thema.models import Inspanning

    inspanning = Inspanning.objects.get(code="A1")
    inspanning.trekkers.add(gebruikers["trekker"])
    return inspanning


def _ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def projectleider(gebruikers) -> Client:
    """A browser session of the projectleider (its own client, so a test can play two people at once)."""
    return _ingelogd(gebruikers["projectleider"])


@pytest.fixture
def trekker(gebruikers) -> Client:
    """A browser session of the trekker of A1."""
    return _ingelogd(gebruikers["trekker"])


# --- The network's inbreng round (inbreng/) -----------------------------------------------------------------------


@pytest.fixture
def openbare_wrap_up(wrap_up):
    """The wrap-up, adopted and public: what the participant pages show as the current state."""
    from rapportage.services import vaststellen

    return vaststellen(
        wrap_up,
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="het college",
        openbaar=True,
        override_reden="Vastgesteld vóór de review in de applicatie",
    )


@pytest.fixture
def ronde(update, openbare_wrap_up):
    """An open round for the Update, open to everyone, with a question for thema A."""
    from tests.inbreng.maak import maak_ronde

    return maak_ronde(update)


@pytest.fixture
def uitnodiging(ronde):
    """An invitation of the dorpsoverleg of Streefkerk to the round."""
    from dorpen.models import Kern
    from inbreng.models import Uitnodiging

    return Uitnodiging.objects.create(
        ronde=ronde, naam="Dorpsoverleg Streefkerk", email="do@example.org", kern=Kern.objects.get(naam="Streefkerk")
    )

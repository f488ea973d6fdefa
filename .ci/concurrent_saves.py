"""Concurrent saves of voortgang against a real server: does any save end in an error instead of a result?

Starts the app on a throwaway SQLite database (or DATABASE_URL when given) with gunicorn or runserver, logs in
twenty browser sessions as the projectleider and sends three bursts of twenty saves of the voortgang form at once.
Two sessions share each of ten voortgang rows, both loaded from the same version: per pair one save must succeed
(302) and the other get the conflict message (409). Anything else is an error: the person's text would be lost.

    .venv/bin/python .ci/concurrent_saves.py --server gunicorn --workers 3
    .venv/bin/python .ci/concurrent_saves.py --server runserver
    .venv/bin/python .ci/concurrent_saves.py --project /other/checkout   # measure another checkout's settings

Prints the counts and exits non-zero when there was an error.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import html.parser
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

CONFLICT = "Niet opgeslagen: er is intussen een andere versie opgeslagen"
SESSIONS = 20
ROWS = 10
BURSTS = 3
TARGETS = """
import json
from thema.models import Voortgang
seen = {}
for v in Voortgang.objects.select_related("inspanning").order_by("inspanning__code", "-peildatum"):
    seen.setdefault(v.inspanning.code, v.peildatum.isoformat())
print(json.dumps(sorted(seen.items())[:%d]))
"""


class FormParser(html.parser.HTMLParser):
    """The fields of the first form that posts to `action`, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._textarea = self._select = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})  # noqa: S310
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
        except OSError as error:  # no answer at all: also an error
            return 0, str(error)

    def form(self, path: str) -> dict:
        status, page = self.request(path)
        if status != 200:
            raise SystemExit(f"GET {path} gave {status}")
        parser = FormParser()
        parser.feed(page)
        return parser.fields

    def login(self, username: str, password: str) -> None:
        fields = self.form("/inloggen/") | {"username": username, "password": password}
        status, page = self.request("/inloggen/", fields)
        if status != 302:
            raise SystemExit(f"login as {username} gave {status}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(project: Path, env: dict, *args: str) -> str:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=project, env=env, check=True, capture_output=True, text=True
    ).stdout


def burst(sessions, targets, nummer: int) -> collections.Counter:
    """Every session loads its row's form, then all post at the same moment."""
    forms = []
    for i, session in enumerate(sessions):
        code, peildatum = targets[i % len(targets)]
        path = f"/inspanningen/{code}/voortgang/{peildatum}/"
        tekst = f"<p>Bijsturing van sessie {i} in ronde {nummer}: deze tekst mag niet verloren gaan.</p>"
        forms.append((session, path, session.form(path) | {"bijsturing": tekst}))
    start = threading.Barrier(len(forms))
    results = collections.Counter()
    lock = threading.Lock()

    def post(session, path, fields):
        start.wait()
        status, page = session.request(path, fields)
        if status == 302:
            uitkomst = "opgeslagen"
        elif status == 409 and CONFLICT in page:
            uitkomst = "conflictmelding"
        else:
            uitkomst = "fout"
            print(f"  fout: {path} gaf {status}: {page[:200]!r}", file=sys.stderr)
        with lock:
            results[uitkomst] += 1

    threads = [threading.Thread(target=post, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@contextlib.contextmanager
def throwaway_database(tmp: Path):
    """A database URL of its own: a SQLite file in `tmp`, or a new database beside DATABASE_URL's on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'db.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"{parts.path.lstrip('/')}_saves_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def measure(project: Path, server: str, workers: int = 3, bursts: int = BURSTS) -> collections.Counter:
    """Starts the server on a throwaway database and counts the outcomes of `bursts` bursts of concurrent saves."""
    tmp = Path(tempfile.mkdtemp(prefix="concurrent-saves-"))
    port = free_port()
    with throwaway_database(tmp) as database_url:
        env = os.environ | {
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(tmp / "media"),
            "DJANGO_PRIVATE_ROOT": str(tmp / "private"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
        }
        manage(project, env, "migrate", "--noinput")
        output = manage(project, env, "demodata", "--gebruikers")
        password = output.rsplit("wachtwoord voor elk: ", 1)[1].strip()
        targets = json.loads(manage(project, env, "shell", "-c", TARGETS % ROWS).splitlines()[-1])

        if server == "gunicorn":
            command = [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"]
            command += ["--access-logfile", "/dev/null"]
        else:
            command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        with open(tmp / "server.log", "w") as log:
            process = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
            try:
                base = f"http://127.0.0.1:{port}"
                for _ in range(120):
                    if Session(base).request("/healthz")[0] == 200:
                        break
                    if process.poll() is not None:
                        raise SystemExit(f"the server stopped; see {tmp / 'server.log'}")
                    time.sleep(0.5)
                sessions = [Session(base) for _ in range(SESSIONS)]
                for session in sessions:
                    session.login("projectleider", password)
                totaal = collections.Counter()
                for nummer in range(1, bursts + 1):
                    results = burst(sessions, targets, nummer)
                    print(f"ronde {nummer}: {dict(results)}")
                    totaal += results
            finally:
                process.terminate()
                process.wait()
    if not totaal["fout"]:
        shutil.rmtree(tmp)
    return totaal


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--bursts", type=int, default=BURSTS)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    totaal = measure(args.project, args.server, args.workers, args.bursts)
    label = f"{args.server}" + (f" ({args.workers} workers)" if args.server == "gunicorn" else "")
    print(
        f"{label}, {args.project}: {args.bursts * SESSIONS} saves: {totaal['opgeslagen']} opgeslagen, "
        f"{totaal['conflictmelding']} conflictmelding, {totaal['fout']} fout"
    )
    return 1 if totaal["fout"] else 0


if __name__ == "__main__":
    sys.exit(main())

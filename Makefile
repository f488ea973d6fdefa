# The two commands of the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
DEV := DJANGO_DEBUG=true

.PHONY: run test test-fast bench bench-wrk lint format lock assets migrations

# Two installs from the locks (pinned, with hashes: pip checks every file): what running needs, and
# what tests and tooling need besides. `make run` installs only the first.
$(VENV)/.installed: requirements.lock
$(VENV)/.installed-dev: requirements-dev.lock
$(VENV)/.installed $(VENV)/.installed-dev:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $<
	touch $@

# axe-core for the accessibility checks of the browser tests (pinned in package-lock.json).
node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The web server and, beside it, the worker that makes the PDFs (Django's tasks); Ctrl+C stops both.
run: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py createcachetable
	$(DEV) $(PY) manage.py demodata --gebruikers
	@echo
	@echo "  De voortgangsmonitor draait op http://127.0.0.1:8000 (stoppen: Ctrl+C)."
	@echo "  Log in als projectleider, redacteur, college of trekker met het wachtwoord hierboven."
	@echo
	$(DEV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed-dev node_modules/axe-core/axe.min.js
	$(PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

# The suite without the real-browser tests (no Chromium or axe-core needed); `make test` and CI run them all.
test-fast: $(VENV)/.installed-dev
	$(PY) -m pytest -n auto --dist loadfile -m "not browser" $(PYTEST_ARGS)

bench: $(VENV)/.installed-dev
	$(DEV) $(PY) manage.py bench

# Many readers at once (wrk, Debian's package): gunicorn with production settings on a throwaway database, on the
# configured PostgreSQL when DATABASE_URL points there (as issue 14 measures it).
bench-wrk: $(VENV)/.installed-dev
	$(DEV) $(PY) manage.py belasting

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations: $(VENV)/.installed-dev
	$(DEV) $(PY) manage.py makemigrations

# Resolve pyproject.toml into the exact versions and hashes every install uses, running and development apart.
# uv runs from a throwaway venv at a pinned version. It keeps the versions already in the locks unless
# pyproject.toml asks for others; to move one up: make lock LOCK_ARGS="--upgrade-package NAME".
UV_VERSION := 0.13.9
UV_COMPILE := pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
	--custom-compile-command "make lock" $(LOCK_ARGS)
lock:
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp" && "$$tmp/bin/pip" install --quiet uv==$(UV_VERSION) && \
	"$$tmp/bin/uv" $(UV_COMPILE) -o requirements.lock && \
	"$$tmp/bin/uv" $(UV_COMPILE) --extra dev -o requirements-dev.lock

# Copy Bootstrap and htmx from node_modules into our own static files (no CDN), without their sourceMappingURL
# comments: the maps are not vendored, and collectstatic's manifest storage stops on a reference to a missing file.
VENDOR_COPY = sed -E '/^[[:space:]]*(\/\/|\/\*)[\#@] sourceMappingURL=/d'
assets: node_modules/axe-core/axe.min.js
	$(VENDOR_COPY) node_modules/bootstrap/dist/css/bootstrap.min.css > static/vendor/bootstrap/bootstrap.min.css
	$(VENDOR_COPY) node_modules/bootstrap/dist/js/bootstrap.bundle.min.js > static/vendor/bootstrap/bootstrap.bundle.min.js
	$(VENDOR_COPY) node_modules/htmx.org/dist/htmx.min.js > static/vendor/htmx/htmx.min.js

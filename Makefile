# The two commands of the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
DEV := DJANGO_DEBUG=true

.PHONY: run test test-fast bench lint format lock assets migrations

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

# axe-core for the accessibility checks of the browser tests (pinned in package-lock.json).
node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py demodata --gebruikers
	@echo
	@echo "  De voortgangsmonitor draait op http://127.0.0.1:8000 (stoppen: Ctrl+C)."
	@echo "  Log in als projectleider, redacteur, college of trekker met het wachtwoord hierboven."
	@echo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed node_modules/axe-core/axe.min.js
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(DEV) $(PY) manage.py bench

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations: $(VENV)/.installed
	$(DEV) $(PY) manage.py makemigrations

# Resolve requirements.in into the exact versions every install uses.
lock:
	rm -rf /tmp/vm-lock && $(PYTHON) -m venv /tmp/vm-lock
	/tmp/vm-lock/bin/pip install --quiet -r requirements.in
	/tmp/vm-lock/bin/pip freeze --exclude-editable | sort > requirements.lock

# Copy Bootstrap and htmx from node_modules into our own static files (no CDN).
assets: node_modules/axe-core/axe.min.js
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/js/bootstrap.bundle.min.js static/vendor/bootstrap/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/

# Two commands set everything up: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
MANAGE := .venv/bin/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: audit run worker test install uv chromium lint format migrate demo db-stop db-reset check

# One background worker (imports) runs beside the server, in its own process group so that
# its autoreloader goes too, and is stopped when the server stops.
run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_demo
	setsid $(MANAGE) db_worker & worker=$$!; \
	trap 'kill -TERM -- -$$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# A worker on its own (more of them, here or on other machines, share the one queue).
worker: install
	$(MANAGE) db_worker

# On every core (pytest-xdist, a test file whole in one worker; each worker has its own test
# database, live server and browser), then, in one process, the test that restarts the shared
# PostgreSQL (it would cut the other workers off mid-test) and those that need SIGALRM.
test: install chromium
	.venv/bin/pytest -n auto -m "not restarts_database and not alone"
	.venv/bin/pytest -m "restarts_database or alone"

# The browser tests drive Debian's Chromium; Playwright cannot download its own here.
chromium:
	@test -x /usr/bin/chromium || { \
		echo "Installing Chromium for the browser tests (apt-get)..."; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

install: .venv/.synced

# Re-sync only when the lock or project file changed.
.venv/.synced: pyproject.toml uv.lock | uv
	$(UV) sync --frozen
	@touch $@

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install --quiet uv

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

migrate: install
	$(MANAGE) migrate --no-input

demo: install
	$(MANAGE) setup_demo

check: install
	$(MANAGE) check

# The embedded PostgreSQL keeps running between commands; these stop or wipe it.
db-stop: install
	.venv/bin/python -c "from newsroom import embedded_db as e; from pathlib import Path; print('stopped' if e.stop(e.default_data_dir(Path('.'))) else 'not running')"

db-reset: install
	.venv/bin/python -c "from newsroom import embedded_db as e; from pathlib import Path; e.remove(e.default_data_dir(Path('.')))"

# Known vulnerabilities in the locked dependencies: pip-audit, which fails (--strict) when it
# cannot audit every package; then PyPI's advisories read from its project pages, the ones some
# networks serve (newsroom/dependency_audit.py: it fails too on anything left unchecked).
audit: install
	$(UV) export --frozen --no-hashes --no-emit-project --quiet > /tmp/newsroom-requirements.txt
	$(UV) tool run pip-audit --disable-pip --no-deps --strict --progress-spinner off \
		-r /tmp/newsroom-requirements.txt \
	|| { echo "pip-audit failed (see above); reading PyPI's advisories from its project pages"; \
		.venv/bin/python -m newsroom.dependency_audit; }

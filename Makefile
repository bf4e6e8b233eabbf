# Civicwatch: `make demo` and `make test` are the two commands a newcomer needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests create throwaway PostgreSQL databases on this server when it answers.
PG_SERVER ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: demo test install install-dev lint typecheck serve bench bench-web messages clean help

help:
	@echo "make demo   - install, load the demo reports, create an admin, serve on $(HOST):$(PORT)"
	@echo "make test   - install the development extras and run the whole test suite"
	@echo "make lint   - ruff and mypy"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/civicwatch migrate
	$(BIN)/civicwatch demo
	$(BIN)/civicwatch serve --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/civicwatch serve --host $(HOST) --port $(PORT)

# The suite runs on SQLite; when a PostgreSQL server answers (CIVICWATCH_TEST_DATABASE_URL,
# or the local one) the database-backed tests run again against it.
test: install-dev
	$(BIN)/ruff check civicwatch tests bench examples
	$(BIN)/ruff format --check civicwatch tests bench examples
	$(BIN)/mypy civicwatch
	$(BIN)/pytest
	@pg_url="$${CIVICWATCH_TEST_DATABASE_URL:-}"; \
	if [ -z "$$pg_url" ] && $(BIN)/python -c "import psycopg,sys; psycopg.connect('postgresql://postgres@127.0.0.1:5432/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  pg_url=$(PG_SERVER); fi; \
	if [ -n "$$pg_url" ]; then \
	  echo "== database-backed tests again on PostgreSQL ($$pg_url)"; \
	  CIVICWATCH_TEST_ON_POSTGRES=1 CIVICWATCH_TEST_DATABASE_URL="$$pg_url" $(BIN)/pytest -m "not browser" -p no:cacheprovider tests/store tests/cases tests/web tests/cli; \
	else echo "== SKIPPED: PostgreSQL run (no server; set CIVICWATCH_TEST_DATABASE_URL)"; fi

lint: install-dev
	$(BIN)/ruff check civicwatch tests bench examples
	$(BIN)/mypy civicwatch

bench: install-dev
	$(BIN)/python bench/extraction_speed.py --language en
	$(BIN)/python bench/extraction_speed.py --language ru
	$(BIN)/python bench/ingest_speed.py --reports 2000

# The person page and the filtered events list on a generated database of 100,000 events
# (SQLite; add BENCH_WEB_ARGS="--database-url postgres://..." for PostgreSQL).
bench-web: install-dev
	$(BIN)/python bench/web_speed.py --events 100000 $(BENCH_WEB_ARGS)

# Refresh the Russian catalogue after changing strings (needs GNU gettext: apt-get install
# gettext); the compiled .mo is committed, so running the app never needs gettext.
messages: install-dev
	DJANGO_SETTINGS_MODULE=civicwatch.settings CIVICWATCH_HOME=$(CURDIR)/var $(BIN)/python -m civicwatch.web.label_catalogue && $(BIN)/ruff format -q civicwatch/web/label_catalogue.py
	cd civicwatch && CIVICWATCH_HOME=$(CURDIR)/var DJANGO_SETTINGS_MODULE=civicwatch.settings \
	  ../$(BIN)/django-admin makemessages -l ru --no-obsolete --no-location
	cd civicwatch && CIVICWATCH_HOME=$(CURDIR)/var DJANGO_SETTINGS_MODULE=civicwatch.settings \
	  ../$(BIN)/django-admin compilemessages -l ru

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

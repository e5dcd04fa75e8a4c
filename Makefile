# One entry point for every routine task. `make run` and `make test` set everything up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-run
INSTALLED_TEST := $(VENV)/.installed-test
MANAGE := $(BIN)/python manage.py
UNIT := not (postgres or redis or celery or browser or pushpin)
# `make run HOST=0.0.0.0 SITE_URL=http://<this laptop's address>:8000` serves phones on a
# venue network (README: "Phones on the venue network").
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-unit test-all lint format messages translations bench lock clean

$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e .
	touch $@

$(INSTALLED_TEST): $(INSTALLED)
	$(BIN)/pip install -q -c requirements.lock -e ".[test]"
	touch $@

translations: $(INSTALLED)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: translations
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: test-unit test-all

# Fast pass: the unit layer on SQLite, the embedded default, one process per core (it needs no
# shared service, so its tests spread over processes; an idle process takes queued tests from
# a busy one, so the long crawls do not end up in one queue).
test-unit: translations $(INSTALLED_TEST)
	TB_TEST_DB=sqlite $(BIN)/python -m pytest -p no:cacheprovider -q -m "$(UNIT)" -n auto --dist worksteal --durations=10

# Everything, on throwaway PostgreSQL and Redis, a real Celery worker and headless Chromium.
test-all: translations $(INSTALLED_TEST)
	$(BIN)/python -m pytest -p no:cacheprovider -q --durations=10

lint: $(INSTALLED_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(INSTALLED_TEST)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(INSTALLED)
	$(MANAGE) makemessages -l zh_Hans --ignore=.venv --ignore=node_modules --ignore=static \
		--ignore=bench --ignore=tests --no-location --no-obsolete

bench: $(INSTALLED)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

lock: $(INSTALLED_TEST)
	$(BIN)/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) staticfiles test-artifacts

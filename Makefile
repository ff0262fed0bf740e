# The README's two commands are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install vendor setup run test lint format migrations-check worker beat clean

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed vendor

# Front-end libraries: pinned in package.json/package-lock.json, copied to static/vendor/ (git-ignored).
# Leaflet itself is served from django-leaflet's static files.
VENDOR := static/vendor
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js 18+ and npm (e.g. apt-get install nodejs npm) to fetch the dashboard's front-end libraries (package.json)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/.copied: node_modules/.package-lock.json tools/basemap.js incidents/data/basemap_cities.json
	mkdir -p $(VENDOR)/uplot $(VENDOR)/axe $(VENDOR)/basemap
	cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css \
	   node_modules/uplot/LICENSE $(VENDOR)/uplot/
	# axe-core: only the browser tests load it (accessibility checks), never a page.
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE $(VENDOR)/axe/
	# The offline basemap: Natural Earth outlines (world-atlas) clipped to the region, and its cities.
	node tools/basemap.js node_modules/world-atlas/countries-50m.json incidents/data/basemap_cities.json \
	   $(VENDOR)/basemap/region.json
	cp node_modules/world-atlas/LICENSE $(VENDOR)/basemap/LICENSE-world-atlas
	touch $@

vendor: $(VENDOR)/.copied

# Migrate and load the shipped data (idempotent: safe on every start).
setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_gazetteer
	$(PY) manage.py load_reference_incidents

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs in PYTEST_WORKERS processes (pytest-xdist; each has its own test database, Celery worker and
# browser); PYTEST_WORKERS=0 runs it in this one. `--dist load` hands out single tests: `loadfile` would run only
# one of the schemathesis tests of a file, as they share a node id.
PYTEST_WORKERS ?= 2

test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

# Type check (pyproject.toml [tool.mypy], with the django-stubs plugin): the application, tooling and tests.
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy .

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A config beat --loglevel=INFO

clean:
	rm -rf $(VENV) staticfiles node_modules $(VENDOR) .pytest_cache .ruff_cache

# 临淄区政务公开考核系统 — `make run` serves the app, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup system-deps browser fonts db demo lint bench clean services test-production backup restore bench-load

## Everything a fresh Debian machine needs, then serve on http://$(HOST):$(PORT)
run: setup db demo
	@echo "应用地址：http://$(HOST):$(PORT)/   （按 Ctrl+C 停止）"
	$(PY) manage.py runserver $(HOST):$(PORT)

## Set up and run the whole test suite
test: setup browser
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

setup: system-deps $(VENV)/.installed fonts var/secret_key

# A secret key of this installation, generated once and kept out of git (var/ is ignored).
var/secret_key:
	@mkdir -p var && umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# Debian's Chromium for the end-to-end tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null || { echo "安装 Chromium（端到端测试用）"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

# Debian packages: the Python venv module and WeasyPrint's Pango. Installed only if missing.
system-deps:
	@missing=""; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "安装系统软件包：$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

fonts:
	@if [ -x scripts/install_fonts.sh ]; then scripts/install_fonts.sh; fi

db: setup
	mkdir -p staticfiles
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_units
	$(PY) manage.py install_schedule

demo: db
	$(PY) manage.py load_demo

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: setup
	mkdir -p bench/results
	$(PY) bench/bench_scoring.py
	$(PY) bench/bench_imports.py
	$(PY) bench/bench_pages.py
	$(PY) bench/bench_notice.py
	$(PY) bench/bench_pdf.py
	$(PY) bench/bench_annual.py
	$(PY) bench/bench_annual_word.py
	$(PY) bench/bench_workplans.py
	$(PY) bench/bench_applications.py
	$(PY) bench/bench_monitoring.py

## PostgreSQL and Redis from Debian's packages, started on loopback (no Docker)
services:
	scripts/services.sh start

# The production path in CI (.ci/run): the whole suite on PostgreSQL, then the tests that need a
# real Celery worker over Redis and a real PostgreSQL restart, then Django's deployment check.
PG_ENV = $$(scripts/services.sh env | grep DATABASE_URL | cut -d' ' -f2)
REDIS_ENV = $$(scripts/services.sh env | grep REDIS_URL | cut -d' ' -f2)
test-production: setup browser services
	env -u REDIS_URL $(PG_ENV) $(VENV)/bin/pytest -p no:cacheprovider -m "not worker"
	env $(PG_ENV) $(REDIS_ENV) LINZI_WORKER_TESTS=1 $(VENV)/bin/pytest -p no:cacheprovider -m worker -rs
	env $(PG_ENV) DJANGO_ENV=production DJANGO_ALLOWED_HOSTS=zwgk.linzi.gov.cn \
	  DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  $(PY) manage.py check --deploy --fail-level WARNING

## gunicorn + PostgreSQL + Redis with 2,000 units under 16 connections (wrk); bench/results/load.json
bench-load: setup services
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	env $(PG_ENV) $(REDIS_ENV) $(PY) bench/bench_load.py

## Database and uploaded files into var/backups/linzi_gk-<time>.tar.gz; back with make restore FILE=…
backup: setup
	$(PY) manage.py backup

restore: setup
	@test -n "$(FILE)" || { echo "用法：make restore FILE=var/backups/linzi_gk-….tar.gz"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) db.sqlite3 var/media staticfiles

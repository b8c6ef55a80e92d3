# Public Office: the two commands are `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve test lint format system-packages messages

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,dev]'
	@touch $(STAMP)

# The web server and the task worker together, as in production, so that the
# demo's e-mails are sent (printed in the terminal); Ctrl-C stops both.
demo: install
	$(BIN)/publicoffice migrate --noinput
	$(BIN)/publicoffice demo
	$(BIN)/publicoffice devstack $(HOST):$(PORT)

serve: install
	$(BIN)/publicoffice runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests and GNU gettext for the check that
# every interface string is extracted. Installed only when missing and when
# apt-get is usable (root); otherwise the browser tests explain how to
# install Chromium and skip, except under CI=true where they fail.
system-packages:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing from Debian's packages"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing (install them with apt-get)"; \
	  fi; \
	fi

# The suite runs on TEST_WORKERS processes (pytest-xdist), each with a test
# database of its own; `make test TEST_WORKERS=0` runs it in one.
TEST_WORKERS ?= 2

test: install system-packages
	$(BIN)/pytest -n $(TEST_WORKERS) --durations=30

# The linters CI runs first, in the same order as .pre-commit-config.yaml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Refresh the translation files after changing interface strings. English
# is the source language: its file repeats each text as written (msgen),
# unless an English editor has changed the wording there. locale_django/
# holds Django's own strings in Somali and Tigrinya, which Django lacks;
# compilemessages compiles it too.
messages: install
	cd src/publicoffice && ../../$(BIN)/publicoffice makemessages --no-obsolete -l sv -l en -l ar -l fa -l so -l ti --ignore '*/migrations/*'
	po=src/publicoffice/locale/en/LC_MESSAGES/django.po; \
	  msgattrib --clear-fuzzy --empty $$po > $$po.tmp && msgen -o $$po $$po.tmp && rm $$po.tmp
	cd src/publicoffice && ../../$(BIN)/publicoffice compilemessages -l sv -l en -l ar -l fa -l so -l ti

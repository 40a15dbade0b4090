# Two commands do all the set-up: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test test-python test-js check

help:
	@echo "make serve  : aperçu du site sur http://127.0.0.1:8000 (rechargement automatique)"
	@echo "make test   : installe ce qu'il faut et lance tous les tests"
	@echo "make build  : construit le site dans site/ (mode strict)"
	@echo "make check  : vérifie le contenu sans construire le site"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "Python 3.11 ou plus récent est nécessaire (commande « $(PYTHON) »)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js et npm sont nécessaires aux tests (apt-get install -y nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-installed
	@PYTHONPATH=hooks $(BIN)/python -m vmi check

test: test-js test-python

test-js: node_modules/.installed
	node --test tests/js/

test-python: $(VENV)/.test-installed node_modules/.installed
	@test -x $(CHROMIUM) || { echo "Chromium manque pour les tests navigateur : apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest

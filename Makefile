# Two commands do all the set-up: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
# The tests' browser: Chromium's headless shell (same engine, a third less processor time).
TEST_CHROMIUM ?= /usr/bin/chromium-headless-shell
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve editer build entete-csp test test-fast test-python test-js lint fuzz check schemas territoires nouveau-cas nouvelle-specificite offline bench bench-web

help:
	@echo "make serve  : aperçu du site sur http://127.0.0.1:8000 (rechargement automatique)"
	@echo "make test   : installe ce qu'il faut et lance tous les tests"
	@echo "make editer : aperçu et éditeur en formulaire sur http://127.0.0.1:8000/admin/ (Node.js)"
	@echo "make test-fast : les tests sans navigateur (plus rapides)"
	@echo "make lint   : ruff, mypy et couches du moteur (import-linter), eslint (scripts)"
	@echo "make build  : construit le site dans site/ (mode strict)"
	@echo "make check  : vérifie le contenu sans construire le site"
	@echo "make fuzz   : 10 000 contenus abîmés au hasard et 10 000 entrées du diagnostic (minutes)"
	@echo "make entete-csp : construit le site et affiche sa politique de sécurité en en-tête HTTP"
	@echo "make bench : mesure la construction (hooks contre MkDocs seul, jusqu'à 1 000 démarches)"
	@echo "make bench-web : scores Lighthouse et poids des pages (écrit bench/resultats-web.md)"
	@echo "make offline: écrit site-hors-ligne.zip, le site à copier sur une clé USB"
	@echo 'make nouveau-cas VILLE="Exempleville" : crée content/cas/exempleville.md à remplir'
	@echo 'make nouvelle-specificite TITRE="Un titre" : crée content/specificites/un-titre.md'
	@echo "make schemas: réécrit content/schemas/ et editor/admin/config.yml (après un changement de hooks/vmi/model/models.py)"
	@echo "make territoires: réécrit l’extrait des données officielles (hooks/vmi/data/territoires/) et la liste des collectivités du navigateur"

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

# The preview plus the form editor at /admin/ (hooks/editor_server.py): decap-server
# (npm) reads and writes content/ of this folder; it stops with the preview.
DECAP_PORT ?= 8081
EDITER_ADDR ?= 127.0.0.1:8000
editer: $(VENV)/.site-installed node_modules/.installed
	@PORT=$(DECAP_PORT) BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn \
	  node node_modules/decap-server/dist/index.js & decap=$$!; \
	  trap 'kill $$decap 2>/dev/null' EXIT INT TERM; \
	  echo "Éditeur : http://$(EDITER_ADDR)/admin/ (aperçu : http://$(EDITER_ADDR)/)"; \
	  VMI_EDITEUR=1 VMI_DECAP_URL=http://127.0.0.1:$(DECAP_PORT)/api/v1 \
	  $(BIN)/mkdocs serve --livereload --dev-addr $(EDITER_ADDR)

# Built beside site/ and swapped in only when the build succeeded: a failed build (even a
# strict-mode warning found at the very end) leaves the previous site/ as it was.
build: $(VENV)/.site-installed
	@tmp=$$(mktemp -d .site-XXXXXX) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(BIN)/mkdocs build --strict -d "$$tmp/site" && \
	  rm -rf site && mv "$$tmp/site" site && echo "Site construit dans site/."

# The Content-Security-Policy of every page as one HTTP header, for hosts that allow headers.
entete-csp: build
	@$(BIN)/python -m vmi.output.csp site

check: $(VENV)/.site-installed
	@$(BIN)/vmi check

schemas: $(VENV)/.site-installed
	@$(BIN)/vmi schemas

# The official data extract and the browser's list of collectivités, from the npm package
# pinned in package.json (needs npm; the site's build only reads what this writes).
territoires: node_modules/.installed $(VENV)/.site-installed
	@$(BIN)/python -m vmi.territories.extract node_modules/@etalab/decoupage-administratif \
	  hooks/vmi/data/territoires overrides/assets/javascripts/territory-list.js

# VILLE and TITRE come from the command line, which make exports to the shell: "$$VILLE"
# keeps quotes and accents intact.
nouveau-cas: $(VENV)/.site-installed
	@test -n "$$VILLE" || { echo 'Indiquez le nom de la ville : make nouveau-cas VILLE="Exempleville"' >&2; exit 1; }
	@$(BIN)/vmi nouveau-cas "$$VILLE"

nouvelle-specificite: $(VENV)/.site-installed
	@test -n "$$TITRE" || { echo 'Indiquez le titre de la page : make nouvelle-specificite TITRE="Des services mutualisés"' >&2; exit 1; }
	@$(BIN)/vmi nouvelle-specificite "$$TITRE"

# Offline site for a USB key: built in a temporary folder (site/ is left alone), zipped
# with one top folder: unzipped anywhere, it opens from site-hors-ligne/index.html.
OFFLINE_ZIP ?= site-hors-ligne.zip
offline: $(VENV)/.site-installed
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  VMI_HORS_LIGNE=true $(BIN)/mkdocs build --strict -d "$$tmp/site-hors-ligne" && \
	  $(BIN)/python -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2], "site-hors-ligne")' \
	    "$$tmp/site-hors-ligne" "$$tmp" && \
	  mv "$$tmp/site-hors-ligne.zip" "$(OFFLINE_ZIP)" && \
	  echo "$(OFFLINE_ZIP) est prêt : décompressez-le et ouvrez site-hors-ligne/index.html."

test: lint test-js test-python

lint: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/ruff check hooks tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	node_modules/.bin/eslint overrides/assets/javascripts editor tests/js eslint.config.js

test-js: node_modules/.installed
	@command -v node >/dev/null || { echo "Node.js manque pour les tests JavaScript : apt-get install -y nodejs"; exit 1; }
	node --test tests/js/

# Three processes (pytest-xdist) on this 2-core machine: with two, the cores idled 5 to 15 %
# of the time while a test waited for a page or a server (4 min 50 s); with three, about 1 %
# (4 min 30 s to 4 min 35 s). One test file per process at a time, so that a file's shared
# build or corpus run is made once, in the order of collection (tests/conftest.py puts the
# longest files first). PYTEST_PARALLEL= runs everything in one process.
PYTEST_PARALLEL ?= -n 3 --dist loadfile --no-loadscope-reorder

test-python: $(VENV)/.test-installed node_modules/.installed
	@test -x $(TEST_CHROMIUM) || { echo "Chromium manque pour les tests navigateur : apt-get install -y chromium-headless-shell"; exit 1; }
	CHROMIUM=$(TEST_CHROMIUM) $(BIN)/python -m pytest $(PYTEST_PARALLEL)

# The long run of the property tests (hooks/vmi/testing/fuzzing.py, tests/js/fuzzing.js): VMI_FUZZ_CASES
# content cases (10 000) and VMI_FUZZ_RUNS browser inputs per property (3 400: three of
# the self-diagnosis, two of the team synthesis), seeded by VMI_FUZZ_SEED; failing content
# cases are kept under .fuzz/.
fuzz: $(VENV)/.test-installed node_modules/.installed
	@$(BIN)/python tests/fuzz.py
	@VMI_FUZZ_PROFILE=fuzz node --test --test-reporter=spec tests/js/diagnostic-fuzz.test.js \
	  tests/js/synthesis-fuzz.test.js tests/js/territory-fuzz.test.js tests/js/priorities-fuzz.test.js

# The suite without Chromium: tests/unit (no build), tests/build (builds and commands)
# and the few build checks that sit beside browser tests in tests/browser.
test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) -m "not browser"

# Measurements, not tests: they print figures (see bench/build.py and bench/web.py).
bench: $(VENV)/.site-installed
	$(BIN)/python bench/build.py

bench-web: $(VENV)/.test-installed
	@test -x $(CHROMIUM) || { echo "Chromium manque : apt-get install -y chromium"; exit 1; }
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/web.py

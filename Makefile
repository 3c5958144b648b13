# edcal — two commands on a fresh machine: `make build` and `make test`.
# Each bootstraps .venv (Python >= 3.11) and installs what it needs.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.installed-run
TEST   := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
# The editable install leaves edcal's modules uncompiled: where the environment
# forbids writing bytecode (PYTHONDONTWRITEBYTECODE, set on the machines this
# project is built and tested on), every command would compile its ~100
# modules again (0.12 s a run). Compiling them ahead, as pip does for an
# installed package, costs 0.04 s once they are.
COMPILE = @$(BIN)/python -m compileall -q plugins
# The sample site tells of early 2027: build, check and serve show it at one moment of its story, the
# one docs/cli.md shows, on whatever day they run (at the clock's time, before 2027 its log and its
# figures are dated after today, and from spring 2027 all of it is past). `make build EDCAL_NOW=`
# builds it at the clock's time, `make build EDCAL_NOW=2027-02-01T09:00` at another moment.
EDCAL_NOW ?= 2027-01-12T10:00

.PHONY: build test check serve clean lint

build: $(RUN) ## Build the sample site (on 12 January 2027, 10:00): blog -> output/, plan -> planning/
	$(COMPILE)
	EDCAL_NOW=$(EDCAL_NOW) $(BIN)/edcal build

check: $(RUN) ## Check calendar.yaml and the articles
	$(COMPILE)
	EDCAL_NOW=$(EDCAL_NOW) $(BIN)/edcal check

serve: $(RUN) ## Build, serve the blog and /planning/ on http://localhost:8000, rebuild on change
	$(COMPILE)
	EDCAL_NOW=$(EDCAL_NOW) $(BIN)/edcal serve --port 8000

# On every core (pytest-xdist), tests handed out one by one as workers free up: most build a site
# in a subprocess, and one core took 15 of CI's 90 minutes where two take 8. The slowest ten are
# listed at the end, to see a test that grew.
test: $(TEST) ## Run the whole test suite (installs Chromium etc. when missing)
	$(COMPILE)
	bash scripts/ensure-test-tools.sh
	$(BIN)/python -m pytest -n auto --dist worksteal --durations=10

lint: $(TEST)
	$(BIN)/python -m ruff check plugins tests scripts

clean:
	rm -rf output planning .pytest_cache

$(RUN): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "edcal needs Python >= 3.11 (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	touch $@

$(TEST): $(RUN)
	$(PIP) install -e '.[test]'
	touch $@

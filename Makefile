# Two commands on a fresh machine: `make serve` and `make test`. Both create
# .venv from the pinned requirements first when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

# Material for MkDocs prints an end-of-life banner without this.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test build check render schema goldens clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest

# Strict build into a private folder in .site-builds/, then `site` (a link)
# switched to it in one rename, behind a lock: a failed, killed or concurrent
# build leaves site/ whole (tools/build_site.py says how).
build: $(STAMP)
	$(PY) tools/build_site.py

check: $(STAMP)
	$(PY) -m generator check

# Rewrite tests/golden/ from the fixture project after an intended output change.
goldens: $(STAMP)
	UPDATE_GOLDENS=1 $(PY) -m pytest -q tests/test_golden.py

schema: $(STAMP)
	$(PY) -m generator schema

# The Zensical path (Material for MkDocs reaches end of life in May 2027): the
# pages rendered by the CLI, built by Zensical from the same mkdocs.yml, into
# build/zensical/site. Needs `.venv/bin/pip install -r requirements-dev.txt`.
.PHONY: zensical
zensical: $(STAMP)
	$(PY) -m generator.zensical_build

# Benchmark at N and 2N synthetic briefs (default N=1000; `make bench N=200` is a
# quick run): prints a table, writes .bench/results.json and docs/performance.md.
.PHONY: bench
bench: $(STAMP)
	$(PY) tests/bench/bench.py $(if $(N),--n $(N))

clean:
	rm -rf site .site-builds site.new site.old build .pytest_cache

# Two commands on a fresh machine: `make serve` and `make test`. Both create
# .venv from the hash-pinned requirements first when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# What .venv is installed from: the site's pins and the test tools' (a superset).
REQUIREMENTS := requirements.txt requirements-test.txt
STAMP := $(VENV)/.installed-$(shell cat $(REQUIREMENTS) | cksum | cut -d' ' -f1)

# Material for MkDocs prints an end-of-life banner without this.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test build check render schema goldens clean lint lock

# --upgrade-deps: the pip that venv bundles (23.2 on Python 3.11) has known
# advisories, so it never installs anything; the locks then pin pip itself.
$(STAMP): $(REQUIREMENTS)
	test -x $(PY) || $(PYTHON) -m venv --upgrade-deps $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: lint
	$(PY) -m pytest

# Strict build into a private folder in .site-builds/, then `site` (a link)
# switched to it in one rename, behind a lock: a failed, killed or concurrent
# build leaves site/ whole (tools/build_site.py says how).
build: $(STAMP)
	$(PY) tools/build_site.py

# ruff over the project, mypy over the generator (settings in pyproject.toml).
lint: $(STAMP)
	$(PY) -m ruff check
	$(PY) -m mypy generator

# Regenerate the hash-pinned locks from the .in files, with uv installed into
# a throwaway venv (never into .venv). Pins that still fit are kept; to move
# one: `make lock LOCK_ARGS="--upgrade-package NAME"` (or --upgrade for all).
UV_VERSION := 0.13.9
LOCK_FLAGS := --universal --python-version 3.11.5 --generate-hashes --custom-compile-command "make lock" --quiet
lock:
	tmp="$$(mktemp -d)" && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv --upgrade-deps "$$tmp" >/dev/null && \
	"$$tmp/bin/pip" install --quiet --disable-pip-version-check uv==$(UV_VERSION) && \
	for f in requirements requirements-test requirements-dev; do \
	  "$$tmp/bin/uv" pip compile $(LOCK_FLAGS) $(LOCK_ARGS) $$f.in -o $$f.txt || exit 1; \
	done

check: $(STAMP)
	$(PY) -m generator check

# Rewrite tests/golden/ from the fixture project, and the `expected` lines of
# the cases in tests/hostile/, after an intended output change; review the diff.
goldens: $(STAMP)
	UPDATE_GOLDENS=1 $(PY) -m pytest -q tests/system/test_golden.py tests/system/test_hostile.py

schema: $(STAMP)
	$(PY) -m generator schema

# The Zensical path (Material for MkDocs reaches end of life in May 2027): the
# pages rendered by the CLI, built by Zensical from the same mkdocs.yml, into
# build/zensical/site (zensical is in the test requirements).
.PHONY: zensical
zensical: $(STAMP)
	$(PY) tools/zensical_build.py

# Benchmark at N and 2N synthetic briefs (default N=1000; `make bench N=200` is a
# quick run): prints a table, writes .bench/results.json and docs/performance.md.
.PHONY: bench
bench: $(STAMP)
	$(PY) tests/bench/bench.py $(if $(N),--n $(N))

clean:
	rm -rf site .site-builds site.new site.old build .pytest_cache

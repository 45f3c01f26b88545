# One entry point for readers of the README: `make serve` and `make test`
# each bootstrap everything they need from the pinned lock file.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
STAMP := $(VENV)/.lock-installed
SITE_DIR := site

# Material for MkDocs prints an end-of-life notice on every run. The decision
# it asks for is recorded in README.md ("Pinned versions and the road to
# Zensical"), so the project's own commands silence it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help venv serve build test clean chromium vnu check lint review-report links bench bench-links bench-check bench-lighthouse lock audit zensical

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

venv: $(STAMP) ## Create .venv from the lock (only when missing or stale)

# The stamp is newer than the lock only after a complete install, so an
# interrupted install or an edited lock rebuilds the environment from scratch.
$(STAMP): $(LOCK) scripts/bootstrap_venv.sh
	@bash scripts/bootstrap_venv.sh "$(PYTHON)" "$(VENV)" "$(LOCK)"
	@touch $@

SERVE_ADDR ?= 127.0.0.1:8000

serve: $(STAMP) ## Build and serve the live preview on http://127.0.0.1:8000 (SERVE_ADDR=host:port)
	$(BIN)/python scripts/preview.py --strict --dev-addr $(SERVE_ADDR)

# site_url comes from mkdocs.yml (and SITE_URL); the sources and rules are named here so a
# missing file is an error rather than a check quietly skipped.
LINKCHECK_FLAGS := --docs docs --rules data/xrefs.yml

build: $(STAMP) ## Strict build into site/, then check its links
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)
	$(BIN)/python scripts/check_links.py $(SITE_DIR) $(LINKCHECK_FLAGS)

links: $(STAMP) ## Check the built site's links
	$(BIN)/python scripts/check_links.py $(SITE_DIR) $(LINKCHECK_FLAGS)

test: $(STAMP) chromium vnu ## Run the whole test suite
	$(BIN)/pytest

check: $(STAMP) ## Editor's fast loop: data, strict build, links and lints, as file:line: message
	$(BIN)/python scripts/check.py

lint: $(STAMP) ## Lints only: Markdown, YAML, spelling, Python and the pages' house rules
	$(BIN)/python scripts/check.py --only pages,markdown,yaml,spelling,python

# The scheduled CI job passes REVIEW_FLAGS=--fail-on-overdue; by hand it only reports.
review-report: $(STAMP) ## Pages past their review date, and those due within 30 days
	$(BIN)/python scripts/review_report.py $(REVIEW_FLAGS)

# Maintenance tools (uv for `make lock`, pip-audit for `make audit`) live in their own
# hash-pinned environment, like the benchmark tools: the site never needs them. Their pins
# sit beside Dependabot's settings, which keep them up to date, and the workflows that run
# them (lock.yml, review.yml); the environment itself stays out of .github/, whose files
# `make check` lints and the tests copy.
TOOLS := .github/tools
TOOLS_VENV := .venv-tools
TOOLS_STAMP := $(TOOLS_VENV)/.lock-installed

$(TOOLS_STAMP): $(TOOLS)/requirements.lock
	rm -rf $(TOOLS_VENV)
	$(PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes \
		--no-deps -r $(TOOLS)/requirements.lock
	@touch $@

# The compile command README.md shows, run with the uv pinned in .github/tools/requirements.in;
# Dependabot's pull requests run it too (.github/workflows/lock.yml).
lock: $(TOOLS_STAMP) ## Recompile requirements.lock and .github/tools/requirements.lock after a pin changed
	$(TOOLS_VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11.5 -o $(LOCK) --no-header
	$(TOOLS_VENV)/bin/uv pip compile $(TOOLS)/requirements.in --generate-hashes --universal \
		--python-version 3.11.5 -o $(TOOLS)/requirements.lock --no-header

# pip-audit asks PyPI's vulnerability data over the network, so it runs in the weekly CI job
# (.github/workflows/review.yml), not in `make test`. A known vulnerability exits non-zero.
audit: $(TOOLS_STAMP) ## Known vulnerabilities in the locked packages (pip-audit; needs network)
	$(TOOLS_VENV)/bin/pip-audit --strict --require-hashes --disable-pip --progress-spinner off -r $(LOCK)
	$(TOOLS_VENV)/bin/pip-audit --strict --require-hashes --disable-pip --progress-spinner off \
		-r $(TOOLS)/requirements.lock

# Benchmark tools (lychee, LinkChecker) live in their own hash-pinned environment, apart from
# the site's: they are never needed to build or test the site.
BENCH_VENV := bench/.venv
BENCH_STAMP := $(BENCH_VENV)/.lock-installed

$(BENCH_STAMP): bench/requirements.lock
	rm -rf $(BENCH_VENV)
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes \
		--no-deps -r bench/requirements.lock
	@touch $@

bench-links: $(STAMP) $(BENCH_STAMP) ## Time the link checker against lychee and LinkChecker
	$(BIN)/python bench/linkcheck/run.py --tools $(BENCH_VENV)/bin

# The benchmarks that reuse the tests' helpers run as modules, so the repository comes first
# on the path: an installed package (textstat) ships a top-level `tests` of its own.
bench-check: $(STAMP) ## Time make check on this site and with 100, 1,000 and 3,000 more pages
	$(BIN)/python -m bench.check.run

# Lighthouse is pinned in bench/lighthouse/package-lock.json and installed by `npm ci` into
# bench/lighthouse/node_modules (ignored by git); it uses Debian's Chromium, never its own.
LIGHTHOUSE_STAMP := bench/lighthouse/node_modules/.installed

$(LIGHTHOUSE_STAMP): bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

bench-lighthouse: $(STAMP) $(LIGHTHOUSE_STAMP) chromium ## Lighthouse scores and first-visit bytes of every page
	CHROME_PATH=/usr/bin/chromium $(BIN)/python -m bench.lighthouse.run

# Zensical, the successor engine, lives in its own hash-pinned environment like the benchmark
# tools: the site builds and tests without it. See README.md, "Pinned versions and the road
# to Zensical".
ZENSICAL_VENV := bench/zensical/.venv
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.lock-installed

# The same bootstrap as .venv, so the macros module's `import scripts...` works there too.
$(ZENSICAL_STAMP): bench/zensical/requirements.lock scripts/bootstrap_venv.sh
	@bash scripts/bootstrap_venv.sh "$(PYTHON)" "$(ZENSICAL_VENV)" bench/zensical/requirements.lock
	@touch $@

zensical: $(STAMP) $(ZENSICAL_STAMP) ## Build with MkDocs and Zensical, compare page by page (bench/RESULTS.md)
	$(BIN)/python bench/zensical/compare.py --zensical $(ZENSICAL_VENV)/bin/zensical

bench: bench-links bench-check bench-lighthouse ## Run the benchmarks (results in bench/RESULTS.md)

chromium: ## Make sure Debian's Chromium is there for the browser tests
	@bash scripts/ensure_chromium.sh

vnu: ## Make sure Java and the pinned Nu HTML Checker (tests/vnu) are there for the HTML test
	@bash scripts/ensure_vnu.sh

clean: ## Remove build output and the virtual environment
	rm -rf $(SITE_DIR) $(VENV) .cache .build .pytest_cache .hypothesis .ruff_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

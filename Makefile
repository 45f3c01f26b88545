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

.PHONY: help venv serve build test clean chromium check lint review-report

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

venv: $(STAMP) ## Create .venv from the lock (only when missing or stale)

# The stamp is newer than the lock only after a complete install, so an
# interrupted install or an edited lock rebuilds the environment from scratch.
$(STAMP): $(LOCK)
	@bash scripts/bootstrap_venv.sh "$(PYTHON)" "$(VENV)" "$(LOCK)"
	@touch $@

serve: $(STAMP) ## Build and serve the live preview on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Strict build into site/, then check its links
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

test: $(STAMP) chromium ## Run the whole test suite
	$(BIN)/pytest

check: $(STAMP) ## Editor's fast loop: data, strict build, links and lints, as file:line: message
	$(BIN)/python scripts/check.py

lint: $(STAMP) ## Lints only: Markdown, YAML, spelling, Python and the pages' house rules
	$(BIN)/python scripts/check.py --only pages,markdown,yaml,spelling,python

# The scheduled CI job passes REVIEW_FLAGS=--fail-on-overdue; by hand it only reports.
review-report: $(STAMP) ## Pages past their review date, and those due within 30 days
	$(BIN)/python scripts/review_report.py $(REVIEW_FLAGS)

chromium: ## Make sure Debian's Chromium is there for the browser tests
	@bash scripts/ensure_chromium.sh

clean: ## Remove build output and the virtual environment
	rm -rf $(SITE_DIR) $(VENV) .cache .pytest_cache .hypothesis .ruff_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

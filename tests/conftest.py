"""Fixtures shared by the whole suite: one strict build of the real site per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS, missing_chromium_message
from tests.support.repo import REPO, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("built-site")
    result = mkdocs_build(REPO, site)
    if result.returncode != 0:
        pytest.fail(f"strict build of the site failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session.

    Playwright's sync API allows one running instance per process, so every
    test that needs a browser (tests/browser, the link checker's agreement
    tests) shares this one. A missing Chromium fails the run; it is never skipped.
    """
    problem = missing_chromium_message()
    if problem:
        pytest.fail(problem, pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()

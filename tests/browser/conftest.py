"""Browser fixtures: the built site on a local server, one Chromium, a context per palette.

Chromium is Debian's (`make test` installs it through scripts/ensure_chromium.sh); Playwright's own
browser download is never used. A missing Chromium fails the run: readers' experience is not
optional, so these tests are never skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.site_server import SiteServer
from tests.browser.visit import DESKTOP, Guard
from tests.support.repo import REPO

SCREENSHOTS_KEY = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """The real built site on 127.0.0.1, gzip-compressed like a real host."""
    with SiteServer(built_site) as server:
        yield server


def new_guard(browser: Browser, palette: str, base_url: str) -> Guard:
    """A context that prefers `palette` and reports every request, error and other host."""
    context = browser.new_context(
        base_url=base_url,
        color_scheme=palette,
        viewport=DESKTOP,
        reduced_motion="reduce",
        service_workers="block",
    )
    return Guard(context)


@pytest.fixture(scope="session")
def guards(chromium: Browser, site_server: SiteServer) -> Iterator[dict[str, Guard]]:
    """A reusable browser context per palette; each test opens its own tab in one of them."""
    made = {palette: new_guard(chromium, palette, site_server.url) for palette in ("light", "dark")}
    yield made
    for guard in made.values():
        guard.context.close()


@pytest.fixture(scope="session")
def screenshot_dir(request: pytest.FixtureRequest) -> Path:
    """Where screenshots go: $SCREENSHOT_DIR, or test-artifacts/screenshots/ (gitignored)."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or REPO / "test-artifacts" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    if "PYTEST_XDIST_WORKER" not in os.environ:
        # A fresh set per run, so a renamed page leaves no stale picture behind.
        for old in [*folder.glob("*.png"), *folder.glob("*.jpg")]:
            old.unlink()
    request.config.stash[SCREENSHOTS_KEY] = folder.resolve()
    return folder


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    folder = config.stash.get(SCREENSHOTS_KEY, None)
    if folder is not None:
        count = len(list(folder.glob("*.jpg")))
        terminalreporter.write_line(f"browser screenshots ({count}): {folder}")

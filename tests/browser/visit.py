"""Open a page in Chromium and record what a reader's browser did: errors, failures, other hosts.

Every request is routed through `Guard`: a request to any host but 127.0.0.1 is recorded and
aborted, so the suite never reaches the internet and a script or font from a CDN is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

LOCAL_HOSTS = {"127.0.0.1"}
# Only requests to other hosts are intercepted: routing every request would also turn off
# Chromium's cache and slow each page down. The pattern is matched inside the browser.
OFFSITE = re.compile(r"^(?!(?:https?|wss?)://127\.0\.0\.1[:/])")
# Material's search says this until its worker has loaded the index. Written as a function:
# Playwright polls a bare expression with eval(), which the site's policy forbids.
SEARCH_READY = (
    "() => document.querySelector('.md-search-result__meta')?.textContent.trim() "
    "!== 'Initializing search'"
)
# Material's body attribute for each palette of mkdocs.yml.
SCHEMES = {"light": "default", "dark": "slate"}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@dataclass
class Visit:
    """One page load and everything the browser reported during it."""

    page: Page
    label: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)
    stalled: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


class Guard:
    """Context-wide listeners that file every event under the page being visited."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.current: Visit | None = None
        context.route(OFFSITE, self._route)
        context.on("console", self._console)
        context.on(
            "weberror", lambda error: self._note("console_errors", f"uncaught {error.error}")
        )
        context.on("requestfailed", self._request_failed)
        context.on("response", self._response)

    def _note(self, kind: str, message: str) -> None:
        if self.current is not None:
            getattr(self.current, kind).append(message)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if is_local(url):  # data: and blob: URLs the pattern lets through
            route.continue_()
        else:
            self._note("offsite_requests", f"{route.request.resource_type} {url}")
            route.abort("blockedbyclient")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self._note("console_errors", f"{message.text} ({where})" if where else message.text)

    def _request_failed(self, request: Request) -> None:
        # Requests to other hosts are already reported, as such, by _route.
        if is_local(request.url):
            self._note("failed_requests", f"{request.url}: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self._note("failed_requests", f"{response.url}: HTTP {response.status}")

    @contextmanager
    def visit(
        self, url: str, label: str, *, viewport: dict[str, int] | None = None, settle: bool = False
    ) -> Iterator[Visit]:
        """Open `url` in a fresh tab; `settle` also waits for the search index, loaded last."""
        page = self.context.new_page()
        self.current = Visit(page, label)
        try:
            if viewport:
                page.set_viewport_size(viewport)
            page.goto(url, wait_until="load")
            if settle:
                wait_for_search(self.current)
            yield self.current
        finally:
            self.current = None
            page.close()


def wait_for_search(visit: Visit, timeout_ms: int = 10_000) -> None:
    """Wait until Material's search has its index; note it on the visit if it never does."""
    try:
        visit.page.wait_for_function(SEARCH_READY, timeout=timeout_ms)
    except PlaywrightTimeout:
        visit.stalled.append(f"search still says 'Initializing search' after {timeout_ms} ms")


def palette_of(page: Page) -> str:
    """The Material colour scheme the page is showing ("default" or "slate")."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')") or ""

"""The Content-Security-Policy holds in a real browser: every page runs under it without a single
violation, loads scripts only from the site, and still searches and switches palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import new_guard
from tests.browser.site_server import SiteServer
from tests.browser.visit import SCHEMES, Guard, palette_of

pytestmark = pytest.mark.browser

# Runs before any page script, in every page and frame the context opens (Playwright's init
# scripts are not subject to the page's policy). Each violation is reported to Python.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""
# What the first element of <head> that matters must be: the policy, before every script.
POLICY_FIRST = """() => {
  const policy = document.querySelector('head > meta[http-equiv="Content-Security-Policy"]');
  const script = document.querySelector("script");
  if (!policy) return "no Content-Security-Policy meta in <head>";
  if (script && (policy.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_PRECEDING))
    return "a <script> comes before the Content-Security-Policy meta";
  return "";
}"""


class CspWatch:
    """A browser context that files every CSP violation and every script request."""

    def __init__(self, guard: Guard, origin: str) -> None:
        self.guard = guard
        self.origin = origin
        self.violations: list[str] = []
        self.foreign_scripts: list[str] = []
        guard.context.expose_function("__cspViolation", self._violation)
        guard.context.add_init_script(LISTEN)
        guard.context.on("request", self._request)

    def _violation(self, text: str) -> None:
        self.violations.append(text)

    def _request(self, request) -> None:  # noqa: ANN001 (Playwright's Request)
        if request.resource_type == "script" and not request.url.startswith(self.origin):
            self.foreign_scripts.append(request.url)

    def findings(self) -> list[str]:
        return [f"CSP violation: {v}" for v in self.violations] + [
            f"script from outside the site: {url}" for url in self.foreign_scripts
        ]

    def reset(self) -> None:
        self.violations.clear()
        self.foreign_scripts.clear()


@pytest.fixture(scope="module")
def watch(chromium: Browser, site_server: SiteServer) -> Iterator[CspWatch]:
    guard = new_guard(chromium, "light", site_server.url)
    yield CspWatch(guard, site_server.url)
    guard.context.close()


def address(site: Path, html: Path) -> str:
    """The address readers load `html` from: x/index.html -> /x/, 404.html -> /404.html."""
    relative = html.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def console_csp_errors(console_errors: list[str]) -> list[str]:
    return [text for text in console_errors if "Content Security Policy" in text]


def test_every_built_page_runs_under_the_policy(built_site: Path, watch: CspWatch) -> None:
    """Pages, the 404 page and the redirect pages: policy first, no violation, no foreign script."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10, f"expected every built page, found {pages}"
    problems: dict[str, list[str]] = {}
    for html in pages:
        url = address(built_site, html)
        watch.reset()
        with watch.guard.visit(url, url) as visit:
            # A redirect page has moved on by now; its target is checked too.
            visit.page.wait_for_load_state("load")
            found = (
                []
                if visit.page.url != watch.origin + url.lstrip("/")
                else [text for text in [visit.page.evaluate(POLICY_FIRST)] if text]
            )
            found += watch.findings() + console_csp_errors(visit.console_errors)
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{url}: {p}" for url, found in problems.items() for p in found)


def test_policy_blocks_a_script_the_build_did_not_hash(watch: CspWatch) -> None:
    """The policy is enforced, not only present: an injected inline script does not run."""
    watch.reset()
    with watch.guard.visit("/", "home page") as visit:
        ran = visit.page.evaluate(
            """() => {
              const script = document.createElement("script");
              script.textContent = "window.__injectedRan = true";
              document.head.append(script);
              return window.__injectedRan === true;
            }"""
        )
        visit.page.wait_for_timeout(100)  # the violation event is dispatched asynchronously
    assert not ran, "an inline script the build did not hash ran: the policy is not enforced"
    assert any("script-src" in v for v in watch.violations), watch.violations


def test_search_works_under_the_policy(watch: CspWatch) -> None:
    """Material's search runs in a worker that fetches the index: both allowed by 'self'."""
    watch.reset()
    with watch.guard.visit("/", "search on the home page", settle=True) as visit:
        visit.page.locator(".md-search__input").press_sequentially("dosage")
        visit.page.wait_for_selector(".md-search-result__item", timeout=10_000)
        found = watch.findings() + console_csp_errors(visit.console_errors) + visit.stalled
    assert not found, found


def test_palette_toggle_works_under_the_policy(watch: CspWatch) -> None:
    watch.reset()
    with watch.guard.visit("/", "palette toggle on the home page") as visit:
        page: Page = visit.page
        before = palette_of(page)
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {before!r}")
        after = palette_of(page)
        found = watch.findings() + console_csp_errors(visit.console_errors)
    assert before == SCHEMES["light"] and after == SCHEMES["dark"], (before, after)
    assert not found, found

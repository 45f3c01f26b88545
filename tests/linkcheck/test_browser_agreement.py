"""The checker's verdicts against Chromium's own, on the fixture pages.

For every same-page fragment link of the anchor cases, Chromium is asked whether it scrolls
anywhere; for the link cases, which hyperlinks its DOM holds and where their URLs lead.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page

from scripts.linkcheck import Options, check_site
from scripts.linkcheck.collect import collect
from scripts.linkcheck.extract import extract
from scripts.linkcheck.resolve import Resolver
from scripts.linkcheck.urls import SiteAddress

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
FRAGMENT_CASES = [
    "missing-anchor",
    "name-only-on-a",
    "top-and-empty-fragment",
    "percent-encoding-and-unicode",
    "duplicate-attributes",
    "code-and-pre-links",
]
LINK_CASES = [
    "script-text",
    "code-and-pre-links",
    "duplicate-attributes",
    "entities",
    "whitespace-and-backslashes",
    "srcset",
]
# Scroll to the middle of a tall page, then change the hash: moving means a target was found.
SCROLL_TEST = """async (fragment) => {
  if (!document.getElementById('__pad')) {
    document.body.insertAdjacentHTML('afterbegin', '<div id="__pad" style="height:4000px"></div>');
    document.body.insertAdjacentHTML('beforeend', '<div style="height:4000px"></div>');
  }
  history.replaceState(null, '', location.pathname);
  window.scrollTo(0, 2000);
  await new Promise(r => requestAnimationFrame(r));
  location.href = location.pathname + '#' + fragment;  // '#' alone too
  await new Promise(r => setTimeout(r, 30));
  return window.scrollY !== 2000;
}"""


@pytest.fixture(scope="module")
def fixtures_url() -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page(chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page()
    yield tab
    tab.close()


def _same_page_fragments(case: str) -> list[str]:
    html = (FIXTURES / case / "site/index.html").read_bytes()
    return [
        value
        for element, value in extract(html).refs
        if element == "a[href]" and value.startswith("#")
    ]


@pytest.mark.parametrize("case", FRAGMENT_CASES)
def test_fragment_verdicts_agree_with_chromium(case: str, page: Page, fixtures_url: str) -> None:
    reported = {
        f.href
        for f in check_site(Options(site=FIXTURES / case / "site", jobs=1)).findings
        if f.reason == "missing-anchor"
    }
    page.goto(f"{fixtures_url}/{case}/site/index.html")
    for href in _same_page_fragments(case):
        scrolled = page.evaluate(SCROLL_TEST, href[1:])
        assert scrolled == (href not in reported), f"{case}: {href}"


@pytest.mark.parametrize("case", LINK_CASES)
def test_hyperlinks_and_their_targets_agree_with_chromium(
    case: str, page: Page, fixtures_url: str
) -> None:
    site = FIXTURES / case / "site"
    html = (site / "index.html").read_bytes()
    ours = [value for element, value in extract(html).refs if element == "a[href]"]
    page.goto(f"{fixtures_url}/{case}/site/index.html")
    theirs = page.evaluate("[...document.links].map(a => [a.getAttribute('href'), a.pathname])")
    assert ours == [href for href, _ in theirs]
    resolver = Resolver(collect(site), SiteAddress.parse("/"))
    prefix = f"/{case}/site"  # where the fixture server puts the site
    for href, pathname in theirs:
        target = resolver.resolve(href, "/", "index.html")
        if target.url:
            assert unquote(prefix + target.url) == unquote(pathname), href


def test_srcset_candidates_agree_with_chromium(page: Page, fixtures_url: str) -> None:
    page.goto(f"{fixtures_url}/srcset/site/index.html")
    chosen = page.evaluate("""() => [...document.images].filter(i => i.srcset && !i.src)
        .map(i => decodeURIComponent(new URL(i.currentSrc).pathname.split('/site/')[1]))""")
    ours = [
        value
        for element, value in extract((FIXTURES / "srcset/site/index.html").read_bytes()).refs
        if element == "img[srcset]"
    ]
    assert chosen and set(chosen) <= set(ours)


MALFORMED_CASES = [
    "malformed-url-href",
    "malformed-url-src-srcset",
    "malformed-own-site-url",
    "malformed-url-external-base",
    "idna-hosts",
]
# Where Chromium departs from the URL standard, which Firefox and Safari follow: it escapes
# a space in a host instead of refusing it. No such host can be looked up, so the link is
# broken in every browser, and the checker keeps to the standard.
CHROMIUM_ACCEPTS = frozenset({"https://exa%20mple.org/"})
PARSES = "([href, base]) => { try { new URL(href, base); return true } catch { return false } }"


@pytest.mark.parametrize("case", MALFORMED_CASES)
def test_malformed_url_verdicts_agree_with_chromium(case: str, page: Page) -> None:
    """Every reference the checker calls malformed is one Chromium's URL parser refuses, and
    every other one it parses."""
    site = FIXTURES / case / "site"
    options = json.loads((FIXTURES / case / "case.json").read_text(encoding="utf-8"))["options"]
    base = options.get("base_url", "https://example.org/")
    malformed = {
        f.href
        for f in check_site(Options(site=site, base_url=base, jobs=1)).findings
        if f.reason == "malformed-url"
    }
    assert malformed
    page.set_content("<!doctype html><title>URL parser</title>")
    for _, value in extract((site / "index.html").read_bytes()).refs:
        if value.startswith(("http:", "https:", "//")):
            parsed = page.evaluate(PARSES, [value, base])
            expected = value not in malformed or value in CHROMIUM_ACCEPTS
            assert parsed == expected, f"{case}: {value}"

"""Search works offline: Material's index is served with the site and nothing else is asked for."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.checks import load_findings, report
from tests.browser.site_pages import SitePage, page_for
from tests.browser.visit import Guard

pytestmark = pytest.mark.browser

# What readers type, and the page they must be offered (docs/ source of each).
QUERIES = [
    ("esketamine", "ketamine-infusion-dosage.md"),
    ("side effects", "ketamine-infusion-side-effects.md"),
    ("near me", "ketamine-infusion-therapy-near-me.md"),
    ("rTMS", "other-treatments.md"),
    ("benzodiazepines", "medicines-alcohol-and-drugs.md"),
]
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def result_paths(page: Page) -> list[str]:
    """The site paths (no fragment) of the search results shown, best first."""
    return page.eval_on_selector_all(
        RESULT_LINKS, "links => links.map(a => new URL(a.href).pathname)"
    )


def wait_for_result(page: Page, target: SitePage) -> list[str]:
    """The results once `target` is among them, or whatever shows after five seconds."""
    script = f"""paths => [...document.querySelectorAll({RESULT_LINKS!r})]
        .some(a => new URL(a.href).pathname === paths)"""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(script, arg=target.path, timeout=10_000)
    return result_paths(page)


@pytest.mark.parametrize(("query", "source"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_the_page(guards: dict[str, Guard], query: str, source: str) -> None:
    target = page_for(source)
    label = f"search for {query!r} from the home page"
    with guards["light"].visit("/", label, settle=True) as visit:
        # Typed key by key: Material searches on key events, not on a pasted value.
        visit.page.locator(".md-search__input").press_sequentially(query)
        found = wait_for_result(visit.page, target)
        findings = load_findings(visit)
    assert target.path in found, (
        f"{label}: {target.label} is not among the results {found or '(no results)'}"
    )
    assert not findings, report(label, findings)

"""The keyboard alone: palette toggle, search and navigation, on a desktop and a phone.

(The skip link and the Tab walk run on every page in test_pages.py.)

Each test that changes the palette or opens panels gets a context of its own, so what it
changes (Material keeps the palette in localStorage) never leaks into other tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.checks import focus_finding, load_findings, report
from tests.browser.conftest import new_guard
from tests.browser.site_pages import page_for
from tests.browser.site_server import SiteServer
from tests.browser.visit import DESKTOP, PHONE, Guard, palette_of

pytestmark = pytest.mark.browser
# More Tab presses than the header and sidebar hold before the control sought.
MAX_PRESSES = 60
# Chromium animates scrolling by keyboard: until End's animation ends at the bottom, it would
# carry the page back down past an element that Shift+Tab has just scrolled into view.
# A function, not a bare expression: Playwright would eval() one, which the policy forbids.
AT_THE_BOTTOM = "() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) <= 1"
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture
def fresh(chromium: Browser, site_server: SiteServer) -> Iterator[Guard]:
    """A light-palette context used by one test only."""
    guard = new_guard(chromium, "light", site_server.url)
    yield guard
    guard.context.close()


def tab_to(page: Page, selector: str, what: str, label: str) -> None:
    """Press Tab until the focused element matches `selector`; fail naming `what` if never."""
    press_to(page, "Tab", selector, what, label)


def press_to(page: Page, key: str, selector: str, what: str, label: str) -> None:
    """Press `key` until the focused element matches `selector`, and check its focus shows."""
    for _ in range(MAX_PRESSES):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            problem = focus_finding(page)
            assert problem is None, f"{label}: {what}: {problem}"
            return
    raise AssertionError(f"{label}: {what} is not reachable with {key} ({MAX_PRESSES} presses)")


def path_of(page: Page) -> str:
    return page.evaluate("location.pathname")


@pytest.mark.parametrize("width", WIDTHS)
def test_palette_toggle_works_with_the_keyboard(fresh: Guard, width: str) -> None:
    label = f"home page palette toggle [{width}]"
    with fresh.visit("/", label, viewport=WIDTHS[width]) as visit:
        page = visit.page
        tab_to(page, "input[name='__palette']", "the palette toggle", label)
        page.keyboard.press("Enter")
        assert palette_of(page) == "slate", f"{label}: Enter did not switch to the dark palette"
        assert focus_finding(page) is None, f"{label}: {focus_finding(page)}"
        page.keyboard.press("Enter")
        assert palette_of(page) == "default", f"{label}: Enter did not switch back to light"
        findings = load_findings(visit)
    assert not findings, report(label, findings)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_works_with_the_keyboard_alone(fresh: Guard, width: str) -> None:
    target = page_for("ketamine-infusion-side-effects.md")
    label = f"keyboard search from the home page [{width}]"
    with fresh.visit("/", label, viewport=WIDTHS[width], settle=True) as visit:
        page = visit.page
        if width == "phone":
            # Below 60em search hides behind the header's search button.
            tab_to(page, "button.kt-header-search", "the search button", label)
            page.keyboard.press("Space")
            assert page.evaluate("document.activeElement.matches('.md-search__input')"), (
                f"{label}: Space on the search button did not put the cursor in the search box"
            )
        else:
            tab_to(page, ".md-search__input", "the search box", label)
        page.keyboard.type("side effects")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        # The arrow keys move through the results (Tab closes search); Enter follows one.
        result = f".md-search-result__link[href*='{target.path.strip('/')}']"
        press_to(page, "ArrowDown", result, f"the result for {target.label}", label)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{target.path}**", timeout=10_000)
        findings = load_findings(visit)
    assert not findings, report(label, findings)


@pytest.mark.parametrize("width", WIDTHS)
def test_navigation_works_with_the_keyboard_alone(fresh: Guard, width: str) -> None:
    target = page_for("ketamine-infusion-dosage.md")
    label = f"keyboard navigation from the home page [{width}]"
    link = f".md-nav--primary a.md-nav__link[href*='{target.path.strip('/')}']"
    with fresh.visit("/", label, viewport=WIDTHS[width]) as visit:
        page = visit.page
        if width == "phone":
            tab_to(page, "button.kt-header-menu", "the menu button", label)
            page.keyboard.press("Enter")
            assert page.evaluate("document.getElementById('__drawer').checked"), (
                f"{label}: Enter on the menu button did not open the navigation"
            )
        tab_to(page, link, f"the navigation link to {target.label}", label)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{target.path}", timeout=10_000)
        assert path_of(page) == target.path
        findings = load_findings(visit)
    assert not findings, report(label, findings)


@pytest.mark.parametrize("width", WIDTHS)
def test_focus_moving_backwards_is_never_hidden(guards: dict[str, Guard], width: str) -> None:
    """Shift+Tab scrolls focus into view at the top, where the sticky header sits (WCAG 2.4.11)."""
    target = page_for("ketamine-infusion-side-effects.md")
    label = f"Shift+Tab through {target.label} [{width}]"
    with guards["light"].visit(target.path, label, viewport=WIDTHS[width]) as visit:
        page = visit.page
        page.keyboard.press("End")
        page.wait_for_function(AT_THE_BOTTOM, polling="raf", timeout=10_000)
        problems: dict[str, None] = {}
        for _ in range(MAX_PRESSES * 4):
            page.keyboard.press("Shift+Tab")
            if page.evaluate("document.activeElement === document.body"):
                break
            if problem := focus_finding(page):
                problems.setdefault(problem)
    assert not problems, report(label, list(problems))

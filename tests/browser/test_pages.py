"""Every page, in the light and the dark palette, on a desktop and on a phone.

One visit per page, palette and width runs every check that needs it (loading, axe-core, the
Tab walk, the phone layout) and saves a screenshot (light palette) for people to look at, so the
suite loads each page only four times.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.checks import (
    axe_findings,
    focus_findings,
    load_findings,
    phone_findings,
    report,
    skip_link_findings,
)
from tests.browser.site_pages import PAGE_IDS, PALETTES, SITE_PAGES, SitePage
from tests.browser.visit import PHONE, SCHEMES, Guard, Visit, palette_of

pytestmark = pytest.mark.browser
pages = pytest.mark.parametrize("page", SITE_PAGES, ids=PAGE_IDS)
palettes = pytest.mark.parametrize("palette", PALETTES)


def screenshot(visit: Visit, folder: Path, page: SitePage, palette: str, width: str) -> None:
    """A full-page picture for people to look at, in the light palette (the dark one's colours
    are measured by axe and the focus walk; a second set doubled the suite's screenshot time)."""
    if palette != "light":
        return
    # JPEG: a fraction of PNG's encoding time, and clear enough for a person to review.
    path = folder / f"{page.slug}--{width}.jpg"
    visit.page.screenshot(path=path, full_page=True, type="jpeg", quality=80)


@palettes
@pages
def test_page_on_a_desktop(
    guards: dict[str, Guard], screenshot_dir: Path, page: SitePage, palette: str
) -> None:
    """No console error, failed request or other host; WCAG 2.2 AA; visible focus; skip link."""
    label = f"{page.label} [{palette}, desktop]"
    with guards[palette].visit(page.path, label, settle=True) as visit:
        assert palette_of(visit.page) == SCHEMES[palette], f"{label}: palette not applied"
        screenshot(visit, screenshot_dir, page, palette, "desktop")
        # Focus visible (2.4.7) and not obscured (2.4.11) are WCAG AA too, and axe leaves
        # them to people: the Tab walk measures the indicator at every stop.
        # The walk ends with focus off the page, so the next Tab starts again at the top.
        findings = (
            axe_findings(visit.page)
            + focus_findings(visit.page)
            + skip_link_findings(visit.page)
            + load_findings(visit)
        )
    assert not findings, report(label, findings)


@palettes
@pages
def test_page_on_a_phone(
    guards: dict[str, Guard], screenshot_dir: Path, page: SitePage, palette: str
) -> None:
    """At 360px: no sideways scrolling, readable text, charts that fit; WCAG 2.2 AA; focus."""
    label = f"{page.label} [{palette}, {PHONE['width']}px]"
    with guards[palette].visit(page.path, label, viewport=PHONE) as visit:
        screenshot(visit, screenshot_dir, page, palette, "phone")
        findings = (
            phone_findings(visit.page)
            + axe_findings(visit.page)
            + focus_findings(visit.page)
            + load_findings(visit)
        )
    assert not findings, report(label, findings)

"""Printing a page (print.css): no navigation or search, tables whole, link targets written out."""

from __future__ import annotations

import pytest

from tests.browser.checks import print_findings, report
from tests.browser.site_pages import PAGE_IDS, SITE_PAGES, SitePage
from tests.browser.visit import Guard

pytestmark = pytest.mark.browser
# An A4 sheet at 96 dpi less Material's 25 mm margins on each side.
PAPER = {"width": 605, "height": 950}


@pytest.mark.parametrize("page", SITE_PAGES, ids=PAGE_IDS)
def test_page_prints_well(guards: dict[str, Guard], page: SitePage) -> None:
    label = f"{page.label} [print]"
    with guards["light"].visit(page.path, label, viewport=PAPER) as visit:
        findings = print_findings(visit.page)
    assert not findings, report(label, findings)

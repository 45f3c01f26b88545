"""Charts and tables: each chart shows, has a name, and draws the figures of the table beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.browser.chart_checks import chart_findings
from tests.browser.checks import report
from tests.browser.site_pages import PALETTES, SITE_PAGES, SitePage
from tests.browser.visit import Guard
from tests.support.pages import built_path

pytestmark = pytest.mark.browser


def pages_with_charts(site: Path) -> list[SitePage]:
    """The pages whose article holds a chart (an SVG with role="img"), read from the build."""
    found = []
    for page in SITE_PAGES:
        html = (site / built_path(page.source)).read_text(encoding="utf-8")
        if LexborHTMLParser(html).css_first("article svg[role='img']") is not None:
            found.append(page)
    return found


@pytest.mark.parametrize("palette", PALETTES)
def test_charts_show_and_match_their_tables(
    built_site: Path, guards: dict[str, Guard], palette: str
) -> None:
    charted = pages_with_charts(built_site)
    # The pages promise charts (session length, onset, immediate effects): none at all
    # means the charts were lost, not that there is nothing to check.
    assert charted, "no page of the built site has a chart (article svg[role=img])"
    failures = []
    for page in charted:
        label = f"{page.label} [{palette}]"
        with guards[palette].visit(page.path, label) as visit:
            findings = chart_findings(visit.page)
        if findings:
            failures.append(report(label, findings))
    assert not failures, "\n".join(failures)

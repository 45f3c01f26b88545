"""The checks catch what a reader would notice: each test breaks a copy of a real built page.

A copy of the built site is served on its own port; each test writes one changed page beside
the real ones (same depth, so its stylesheets and scripts still load) and runs the same check
functions the page tests use. Each must fail with a message that names the page and the defect.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.browser.chart_checks import chart_findings
from tests.browser.checks import (
    axe_findings,
    focus_findings,
    load_findings,
    phone_findings,
    print_findings,
    report,
    skip_link_findings,
)
from tests.browser.site_server import SiteServer
from tests.browser.visit import PHONE, Guard
from tests.support.pages import built_path, markdown_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def broken_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the built site, served, that the tests below may change."""
    copy = tmp_path_factory.mktemp("broken-site") / "site"
    shutil.copytree(built_site, copy)
    with SiteServer(copy) as server:
        copy.joinpath(".url").write_text(server.url, encoding="utf-8")
        yield copy


def first_page_with(site: Path, selector: str) -> Path:
    """The built HTML of the first page whose article matches `selector`."""
    for source in markdown_pages():
        html = site / built_path(source)
        if LexborHTMLParser(html.read_text(encoding="utf-8")).css_first(selector) is not None:
            return html
    raise AssertionError(f"no built page has {selector!r} to break")


def break_page(site: Path, selector: str, name: str, change: Callable[[str], str]) -> str:
    """Write a changed copy of a page that has `selector` at /broken-NAME/; return its URL."""
    original = without_policy(first_page_with(site, selector).read_text(encoding="utf-8"))
    changed = change(original)
    assert changed != original, f"the change for {name} did not apply"
    target = site / f"broken-{name}" / "index.html"
    target.parent.mkdir(exist_ok=True)
    target.write_text(changed, encoding="utf-8")
    return site.joinpath(".url").read_text(encoding="utf-8") + f"broken-{name}/"


def without_policy(html: str) -> str:
    """The page without its Content-Security-Policy, which would block the inline styles and
    scripts these defects are made of before the checks could see them (test_csp.py shows the
    policy blocking them)."""
    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
    assert policy.search(html), "the built page has no policy to take out"
    return policy.sub("", html, count=1)


def into_article(html: str, fragment: str) -> str:
    """Insert `fragment` right after the page's first heading."""
    return re.sub(r"(</h1>)", r"\1" + fragment.replace("\\", "\\\\"), html, count=1)


def into_head(html: str, fragment: str) -> str:
    return html.replace("</head>", fragment + "</head>", 1)


def assert_caught(findings: list[str], label: str, *expected: str) -> None:
    """The findings report the defect in words a person can act on, naming the page."""
    message = report(label, findings)
    assert findings, f"{label}: the checks found nothing"
    assert message.startswith(label)
    for words in expected:
        assert words in message, f"{label}: expected {words!r} in:\n{message}"


def test_missing_alt_text_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    url = break_page(
        broken_site,
        "article",
        "alt",
        lambda html: into_article(html, '<p><img src="../assets/images/favicon.png"></p>'),
    )
    label = "broken-alt (image without alt text)"
    with guards["light"].visit(url, label) as visit:
        findings = axe_findings(visit.page)
    assert_caught(findings, label, "axe image-alt", "Images must have alternative text", "img")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_low_contrast_text_is_caught(
    broken_site: Path, guards: dict[str, Guard], palette: str
) -> None:
    grey = {"light": "#b0b0b0", "dark": "#505050"}[palette]
    url = break_page(
        broken_site,
        "article",
        f"contrast-{palette}",
        lambda html: into_article(html, f'<p style="color: {grey}">Pale words</p>'),
    )
    label = f"broken-contrast-{palette} (pale text) [{palette}]"
    with guards[palette].visit(url, label) as visit:
        findings = axe_findings(visit.page)
    assert_caught(findings, label, "axe color-contrast", "insufficient color contrast")


def test_script_from_another_host_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    url = break_page(
        broken_site,
        "article",
        "cdn",
        lambda html: into_head(html, '<script src="https://cdn.example.com/widget.js"></script>'),
    )
    label = "broken-cdn (script from a CDN)"
    with guards["light"].visit(url, label) as visit:
        findings = load_findings(visit)
    assert_caught(
        findings,
        label,
        "request to another host (blocked): script https://cdn.example.com/widget.js",
    )


def test_console_errors_and_missing_files_are_caught(
    broken_site: Path, guards: dict[str, Guard]
) -> None:
    fragment = '<img src="../assets/images/missing.png" alt="A chart"><script>notDefined()</script>'
    url = break_page(broken_site, "article", "errors", lambda h: into_article(h, fragment))
    label = "broken-errors (script error and a missing image)"
    with guards["light"].visit(url, label) as visit:
        findings = load_findings(visit)
    assert_caught(findings, label, "notDefined is not defined", "missing.png: HTTP 404")


def test_table_too_wide_for_a_phone_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    # A table outside any scroll box, with cells that cannot wrap.
    cells = "".join(
        f'<td style="white-space: nowrap">Column {n} of a wide table</td>' for n in range(6)
    )
    fragment = f'<table class="kt-wide"><tr>{cells}</tr></table>'
    url = break_page(broken_site, "article", "wide", lambda h: into_article(h, fragment))
    label = "broken-wide (table without a scroll box)"
    with guards["light"].visit(url, label, viewport=PHONE) as visit:
        findings = phone_findings(visit.page)
    assert_caught(findings, label, "the page scrolls sideways at 360px", "table.kt-wide")


def test_table_scrolling_in_its_box_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    # The page itself does not scroll (the box does), but the reader has to: so does a
    # caption wider than the screen. Undoing the phone layout brings both back.
    style = (
        "<style>@media screen { .md-typeset .kt-table { overflow-x: auto !important } "
        ".md-typeset .kt-table table { display: table !important } "
        ".md-typeset .kt-table tr { display: table-row !important } "
        ".md-typeset .kt-table :is(th, td) { display: table-cell !important; "
        "white-space: nowrap !important } "
        ".md-typeset .kt-table caption { display: table-caption !important; "
        "white-space: nowrap !important } }</style>"
    )
    url = break_page(broken_site, "div.kt-table", "table-scroll", lambda h: into_head(h, style))
    label = "broken-table-scroll (tables laid out as on a desktop)"
    with guards["light"].visit(url, label, viewport=PHONE) as visit:
        findings = phone_findings(visit.page)
    assert_caught(
        findings,
        label,
        "table scrolls sideways in its box: div.kt-table",
        "table caption is not fully visible: caption#kt-table-",
    )


def test_small_text_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    style = "<style>.md-typeset p { font-size: 11px }</style>"
    url = break_page(broken_site, "article", "small", lambda h: into_head(h, style))
    label = "broken-small (11px paragraphs)"
    with guards["light"].visit(url, label, viewport=PHONE) as visit:
        findings = phone_findings(visit.page)
    assert_caught(findings, label, "text smaller than 12px", "body text smaller than 16px", "11px")


def test_invisible_focus_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    style = "<style>* { outline: none !important; box-shadow: none !important }</style>"
    url = break_page(broken_site, "article", "focus", lambda h: into_head(h, style))
    label = "broken-focus (outlines removed)"
    with guards["light"].visit(url, label) as visit:
        findings = focus_findings(visit.page)
    assert_caught(findings, label, "no focus indicator (outline or shadow) on a.md-skip")


def test_focus_hidden_behind_a_sticky_banner_is_caught(
    broken_site: Path, guards: dict[str, Guard]
) -> None:
    banner = (
        '<div class="kt-banner" style="position: fixed; inset: 0 0 auto 0; height: 70vh; '
        'z-index: 5; background: #fff">Cookie banner</div>'
    )
    url = break_page(broken_site, "article", "banner", lambda h: into_article(h, banner))
    label = "broken-banner (a fixed banner over the page)"
    with guards["light"].visit(url, label) as visit:
        findings = focus_findings(visit.page)
    assert_caught(findings, label, "is hidden behind div.kt-banner")


def test_missing_skip_link_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    url = break_page(
        broken_site,
        "article",
        "skip",
        lambda html: re.sub(r'<a href="#[^"]*" class="md-skip">.*?</a>', "", html, flags=re.S),
    )
    label = "broken-skip (no skip link)"
    with guards["light"].visit(url, label) as visit:
        findings = skip_link_findings(visit.page)
    assert_caught(findings, label, "the first Tab stop is not a 'Skip to content' link")


def test_chart_that_disagrees_with_its_table_is_caught(
    broken_site: Path, guards: dict[str, Guard]
) -> None:
    # The first bar's figure text says one more than the table (and the drawn bar).
    def bump(html: str) -> str:
        return re.sub(
            r'(class="kt-chart__value"[^>]*>)(\d+)',
            lambda m: m.group(1) + str(int(m.group(2)) + 1),
            html,
            count=1,
        )

    url = break_page(broken_site, "svg .kt-chart__value", "chart", bump)
    label = "broken-chart (a figure changed in the chart only)"
    with guards["light"].visit(url, label) as visit:
        findings = chart_findings(visit.page)
    assert_caught(findings, label, "but its table row says", "is drawn to")


def test_chart_without_a_name_is_caught(broken_site: Path, guards: dict[str, Guard]) -> None:
    url = break_page(
        broken_site,
        "article svg[role='img']",
        "chart-name",
        lambda html: re.sub(r'\saria-labelledby="[^"]*"|<title[^>]*>[^<]*</title>', "", html),
    )
    label = "broken-chart-name (chart without aria-labelledby or title)"
    with guards["light"].visit(url, label) as visit:
        findings = chart_findings(visit.page) + axe_findings(visit.page)
    assert_caught(findings, label, "has no accessible name", "axe svg-img-alt")


def test_print_without_the_print_stylesheet_is_caught(
    broken_site: Path, guards: dict[str, Guard]
) -> None:
    url = break_page(
        broken_site,
        "article a[href^='http']",
        "print",
        lambda html: re.sub(r'<link[^>]*print\.css"[^>]*>', "", html),
    )
    label = "broken-print (print.css not loaded)"
    with guards["light"].visit(url, label, viewport={"width": 605, "height": 950}) as visit:
        findings = print_findings(visit.page)
    assert_caught(
        findings,
        label,
        "may split across two sheets (no break-inside: avoid)",
        "print without their address",
    )

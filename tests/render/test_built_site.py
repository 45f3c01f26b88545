"""The real site, built once: what the macros put on the pages works in the browser's terms."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

DATA_LINKS = "article a.kt-fig, article a.kt-cite, article .kt-crisis a, article .kt-table a"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and anchor a relative href on `page` points at."""
    url, anchor = urldefrag(href)
    folder = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(folder, url)) if url else folder
    path = site / target
    return (path / "index.html" if path.is_dir() else path), anchor


def test_every_data_link_reaches_a_page_and_anchor(built_site: Path) -> None:
    checked = 0
    for page in pages(built_site):
        for link in HTMLParser(page.read_text(encoding="utf-8")).css(DATA_LINKS):
            href = link.attributes.get("href") or ""
            if href.startswith(("tel:", "http")):
                continue
            target, anchor = resolve(built_site, page, href)
            assert target.is_file(), f"{page}: {href}"
            if anchor:
                tree = HTMLParser(target.read_text(encoding="utf-8"))
                assert tree.css_first(f'[id="{anchor}"]') is not None, f"{page}: {href}"
            checked += 1
    assert checked > 20, "the pages should cite their figures"


def test_tables_and_charts_reach_the_pages(built_site: Path) -> None:
    html = "".join(p.read_text(encoding="utf-8") for p in pages(built_site))
    tree = HTMLParser(html)
    assert len(tree.css("div.kt-table table caption")) >= 7
    assert {
        svg.attributes["aria-labelledby"].split()[0] for svg in tree.css("svg.kt-chart__svg")
    } == {
        "kt-chart-common_effects-title",
        "kt-chart-immediate_effects-title",
        "kt-chart-session_length-title",
        "kt-chart-onset-title",
    }
    for table in tree.css("div.kt-table table"):
        assert all(th.attributes.get("scope") == "row" for th in table.css("tbody th"))


def test_glossary_terms_become_tooltips(built_site: Path) -> None:
    titles = {}
    for page in pages(built_site):
        for abbr in HTMLParser(page.read_text(encoding="utf-8")).css("article abbr[title]"):
            titles[abbr.text()] = abbr.attributes["title"]
    if not titles:
        pytest.fail("no glossary tooltip on any page")
    assert titles.get("NMDA", "").startswith("A type of receiving site for glutamate")
    # Words, not only abbreviations: each form of a word shows the same definition.
    for word in ("respond", "responded", "remission", "off-label", "placebo"):
        assert word in titles, f"no tooltip on '{word}' on any page"
    assert titles["responded"] == titles["respond"]

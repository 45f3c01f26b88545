"""The site foundation: what every built page carries, and what the build refuses."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.pages.frontmatter import read_front_matter
from tests.support.pages import DOCS, built_path, markdown_pages, page_url
from tests.support.repo import copy_repo, mkdocs_build

PAGES = markdown_pages()
PAGE_IDS = [page_url(p) for p in PAGES]


def front_matter(page: Path) -> dict:
    return read_front_matter((DOCS / page).read_text(encoding="utf-8")).values


def parse(site: Path, page: Path) -> HTMLParser:
    return HTMLParser((site / built_path(page)).read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_is_served_at_its_address(built_site: Path, page: Path) -> None:
    assert (built_site / built_path(page)).is_file()


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_shows_review_dates_and_disclaimer(built_site: Path, page: Path) -> None:
    meta = front_matter(page)
    trust = parse(built_site, page).css_first("aside.kt-trust")
    assert trust is not None, f"{page}: no review-date and disclaimer box"
    text = " ".join(trust.text().split())
    reviewed = f"{meta['reviewed'].day} {meta['reviewed']:%B %Y}"
    due = f"{meta['review_due'].day} {meta['review_due']:%B %Y}"
    assert f"Page last reviewed: {reviewed} · Next review due: {due}" in text
    assert "information, not medical advice" in text
    report = trust.css_first(".kt-trust__report a")
    assert report is not None and "/issues/new" in report.attributes["href"]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_metadata_comes_from_front_matter(built_site: Path, page: Path) -> None:
    meta = front_matter(page)
    tree = parse(built_site, page)
    description = tree.css_first('meta[name="description"]').attributes["content"]
    assert description == meta["description"]
    assert tree.css_first('meta[property="og:description"]').attributes["content"] == description
    assert tree.css_first('meta[property="og:title"]').attributes["content"] == meta["title"]
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
    assert canonical.endswith(page_url(page))
    ld = json.loads(tree.css_first('script[type="application/ld+json"]').text())
    assert ld["@type"] == "MedicalWebPage"
    assert ld["lastReviewed"] == meta["reviewed"].isoformat()
    assert isinstance(meta["reviewed"], dt.date)


def _external_references(tree: HTMLParser) -> list[str]:
    """Every URL the browser would fetch on load that points at another host."""
    found = []
    selectors = {
        "script[src]": "src",
        "link[href]": "href",
        "img[src]": "src",
        "source[src]": "src",
        "iframe[src]": "src",
    }
    for selector, attribute in selectors.items():
        for node in tree.css(selector):
            if selector == "link[href]" and not _fetched_link(node.attributes.get("rel") or ""):
                continue
            url = node.attributes.get(attribute) or ""
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I) and not url.startswith("data:"):
                found.append(url)
    return found


def _fetched_link(rel: str) -> bool:
    fetched = {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest"}
    return bool(fetched & set(rel.lower().split()))


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    offenders = {}
    for html in built_site.rglob("*.html"):
        external = _external_references(HTMLParser(html.read_text(encoding="utf-8")))
        if external:
            offenders[str(html.relative_to(built_site))] = external
    for css in built_site.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text("utf-8"))
        if urls:
            offenders[str(css.relative_to(built_site))] = urls
    assert offenders == {}


def test_repository_link_does_not_call_the_github_api(built_site: Path) -> None:
    tree = parse(built_site, Path("index.md"))
    source = tree.css_first("a.md-source")
    assert source is not None, "the repository link is missing"
    assert "data-md-component" not in source.attributes
    assert tree.css_first('a.md-content__button[href*="/edit/main/docs/"]') is not None


def test_pages_offer_no_view_source_button(built_site: Path) -> None:
    """The raw Markdown shows macro calls, not figures: an edit link serves editors instead."""
    tree = parse(built_site, Path("index.md"))
    assert tree.css_first('a.md-content__button[href*="/raw/"]') is None


def test_404_page_offers_a_way_back(built_site: Path) -> None:
    tree = HTMLParser((built_site / "404.html").read_text(encoding="utf-8"))
    links = [a.attributes.get("href") for a in tree.css("article a")]
    assert len(links) >= 4, "the 404 page should link home and to the main topics"
    assert tree.css_first("form.md-search__form") is not None
    home = HTMLParser((built_site / "index.html").read_text(encoding="utf-8"))
    crisis = [href for href in links if href and href.endswith("/#kt-crisis-heading")]
    assert crisis and home.css_first("aside.kt-crisis #kt-crisis-heading") is not None, (
        "the 404 page should point to the crisis lines on the home page"
    )


# Each editor mistake below must stop a strict build with the file named.
MISTAKES = {
    "broken-link": ("docs/index.md", "See [the missing page](missing-page.md).", "missing-page.md"),
    "missing-anchor": ("docs/index.md", "See [nowhere](#no-such-heading).", "no-such-heading"),
    "undefined-variable": (
        "docs/index.md",
        "The dose is {{ undefined_dose_variable }}.",
        "index.md",
    ),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_strict_build_rejects_editor_mistake(tmp_path: Path, name: str) -> None:
    target, addition, expected = MISTAKES[name]
    repo = copy_repo(tmp_path / "repo")
    with (repo / target).open("a", encoding="utf-8") as handle:
        handle.write(f"\n\n{addition}\n")
    result = mkdocs_build(repo, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert expected in output
    assert "index.md" in output


def test_strict_build_rejects_page_left_out_of_navigation(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    source = (repo / "docs/index.md").read_text(encoding="utf-8")
    (repo / "docs/orphan-page.md").write_text(source, encoding="utf-8")
    result = mkdocs_build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "orphan-page.md" in result.stdout + result.stderr

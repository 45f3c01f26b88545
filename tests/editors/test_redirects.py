"""Renamed pages keep their old addresses: every redirect leads to a real page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.config import read_config, redirect_maps
from scripts.pages.frontmatter import read_front_matter
from tests.support.pages import DOCS, built_path, page_url
from tests.support.repo import REPO

REFRESH_RE = re.compile(r"^\s*\d+\s*;\s*url=(?P<url>.+)$", re.I)


REDIRECTS = redirect_maps(read_config(REPO))


def follow(site: Path, old: str) -> str:
    """The site URL that the page built at `old`'s address forwards a browser to."""
    html = (site / built_path(Path(old))).read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    refresh = tree.css_first('meta[http-equiv="refresh"]')
    assert refresh is not None, f"{old}: the old address holds no redirect"
    match = REFRESH_RE.match(refresh.attributes["content"] or "")
    assert match, f"{old}: unreadable refresh {refresh.attributes['content']!r}"
    target = match["url"].strip()
    assert tree.css_first('link[rel="canonical"]').attributes["href"] == target
    base = page_url(Path(old))
    return posixpath.normpath(posixpath.join(base, target.split("#")[0])) + "/"


def test_at_least_one_old_address_is_kept() -> None:
    assert REDIRECTS, "mkdocs.yml has no redirect_maps"


@pytest.mark.parametrize("old", sorted(REDIRECTS))
def test_old_address_leads_to_the_new_page(built_site: Path, old: str) -> None:
    new = REDIRECTS[old]
    assert not (DOCS / old).exists(), f"{old} is still a page; a redirect would hide it"
    url = follow(built_site, old)
    assert url == page_url(Path(new))
    landing = built_site / url.strip("/") / "index.html"
    assert landing.is_file(), f"{old} forwards to {url}, where there is no page"
    tree = LexborHTMLParser(landing.read_text(encoding="utf-8"))
    # A real page of the site, not another redirect: it carries the page's own title.
    assert tree.css_first('meta[http-equiv="refresh"]') is None, f"{url} is itself a redirect"
    title = read_front_matter((DOCS / new).read_text(encoding="utf-8")).values["title"]
    assert tree.css_first("h1").text(strip=True).startswith(title.split(":")[0])

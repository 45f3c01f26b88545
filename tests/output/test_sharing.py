"""What search engines, link previews and feed readers read: sitemap dates, robots.txt, the
share picture and the Atom feed of changes."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.data import load_site_data
from scripts.pages.frontmatter import read_front_matter
from tests.output.site_urls import SITE_URL, local_file
from tests.support.pages import DOCS, built_path, markdown_pages, page_url
from tests.support.repo import REPO

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PAGES = markdown_pages()


def front_matter(page: Path) -> dict:
    return read_front_matter((DOCS / page).read_text(encoding="utf-8")).values


def test_sitemap_dates_each_page_by_its_review(built_site: Path) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }
    expected = {
        SITE_URL + page_url(page).lstrip("/"): front_matter(page)["reviewed"].isoformat()
        for page in PAGES
    }
    assert lastmod == expected


def test_robots_txt_points_at_the_sitemap(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)
    assert local_file(built_site, f"{SITE_URL}sitemap.xml").is_file()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("page", PAGES, ids=[page_url(p) for p in PAGES])
def test_page_offers_a_large_share_picture(built_site: Path, page: Path) -> None:
    tree = LexborHTMLParser((built_site / built_path(page)).read_text(encoding="utf-8"))

    def meta(selector: str) -> str:
        node = tree.css_first(f"meta[{selector}]")
        assert node is not None, f"{page}: no <meta {selector}>"
        return node.attributes["content"] or ""

    image = meta('property="og:image"')
    assert image.startswith(SITE_URL), f"{page}: og:image is not an absolute URL: {image}"
    assert png_size(local_file(built_site, image)) == (1200, 630)
    assert meta('name="twitter:image"') == image
    assert meta('name="twitter:card"') == "summary_large_image"
    assert meta('property="og:url"') == SITE_URL + page_url(page).lstrip("/")
    assert meta('property="og:type"') == "article"
    assert meta('property="og:title"') == front_matter(page)["title"]
    assert meta('property="og:description"') == front_matter(page)["description"]
    assert meta('property="og:image:alt"')


ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_has_one_entry_per_change_linking_into_the_site(built_site: Path) -> None:
    changes = load_site_data(REPO).changes
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE_URL}feed.xml"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(changes)
    whats_new = LexborHTMLParser((built_site / "whats-new/index.html").read_text("utf-8"))
    for entry, change in zip(entries, changes, strict=True):
        assert entry.findtext(f"{ATOM}updated") == f"{change.date.isoformat()}T00:00:00Z"
        assert entry.findtext(f"{ATOM}summary") == change.summary
        page = entry.find(f"{ATOM}link").get("href")
        assert local_file(built_site, page).is_file(), f"{change.id}: {page} is not in the site"
        anchor = entry.findtext(f"{ATOM}id").split("#", 1)[1]
        assert whats_new.css_first(f"li#{anchor}") is not None, f"no entry #{anchor} on the page"


def test_whats_new_page_announces_the_feed(built_site: Path) -> None:
    """Only that page: Material fetches sitemap.xml beside every <link rel="alternate">."""
    for page in PAGES:
        tree = LexborHTMLParser((built_site / built_path(page)).read_text(encoding="utf-8"))
        links = tree.css('head link[rel="alternate"]')
        if page.as_posix() != "whats-new.md":
            assert links == [], f"{page}: a <link rel=alternate> costs readers a request"
            continue
        assert [link.attributes["type"] for link in links] == ["application/atom+xml"]
        assert links[0].attributes["href"] == "../feed.xml"

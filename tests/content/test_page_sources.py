"""Each page shows the sources it relies on, and its front matter names them all.

The page's "Sources" list is drawn by page_sources() from the front matter's
`sources`, and every figure or citation on the page (outside the shared
crisis box and licence-status note, which cite their own sources on every
page that shows them) points to a source in that list.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.content.site import article, parse, topic_pages
from tests.content.source import read_page
from tests.support.pages import markdown_pages, page_url

PAGES = markdown_pages()
IDS = [page_url(p) for p in PAGES]


def linked_ids(site: Path, page: Path, selector: str) -> list[str]:
    """The source ids that the links matching `selector` on `page` point to, in order."""
    root = article(parse(site, page))
    for box in root.css(".kt-crisis, .kt-licence"):
        box.decompose()
    sources_url = page_url(topic_pages()["sources"])
    ids = []
    for link in root.css(selector):
        target = urlsplit(urljoin(page_url(page), link.attributes.get("href") or ""))
        assert target.path == sources_url, f"docs/{page}: citation to {target.path}"
        ids.append(target.fragment)
    return ids


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_citation_is_in_the_front_matter(built_site: Path, page: Path) -> None:
    listed = set(read_page(page).meta["sources"])
    cited = set(linked_ids(built_site, page, "a.kt-cite, a.kt-fig"))
    unlisted = sorted(cited - listed)
    assert not unlisted, f"docs/{page}: cited but not in front matter: {unlisted}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_sources_section_lists_the_front_matter(built_site: Path, page: Path) -> None:
    listed = read_page(page).meta["sources"]
    assert linked_ids(built_site, page, "a.kt-source") == listed, (
        f"docs/{page}: the Sources list should come from page_sources() and match front matter"
    )

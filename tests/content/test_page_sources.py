"""Each page shows the sources it relies on, and its front matter names them all.

The front matter's `sources` list and the page's citations must agree: every
listed source is cited on the page, and every figure or citation on the page
(outside the shared crisis box) points to a listed source.
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


def cited_ids(site: Path, page: Path) -> set[str]:
    """The source ids that citation and figure links on `page` point to."""
    root = article(parse(site, page))
    for box in root.css(".kt-crisis"):
        box.decompose()
    sources_url = page_url(topic_pages()["sources"])
    ids = set()
    for link in root.css("a.kt-cite, a.kt-fig"):
        target = urlsplit(urljoin(page_url(page), link.attributes.get("href") or ""))
        assert target.path == sources_url, f"docs/{page}: citation to {target.path}"
        ids.add(target.fragment)
    return ids


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_front_matter_sources_match_the_citations(built_site: Path, page: Path) -> None:
    listed = set(read_page(page).meta["sources"])
    cited = cited_ids(built_site, page)
    assert not listed - cited, f"docs/{page}: listed but never cited: {sorted(listed - cited)}"
    unlisted = sorted(cited - listed)
    assert not unlisted, f"docs/{page}: cited but not in front matter: {unlisted}"

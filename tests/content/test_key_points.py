"""Long pages open with a short "key points" summary, as NHS pages do: one key-points box,
before the page's first section, holding 3 to 5 points, each a figure-free sentence or two
or a figure from data/ (the page rules catch typed figures). On the built page it is the
site's own box type, styled by site.css, with the title "Key points"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content.site import article, parse
from tests.content.source import Page, all_pages, prose, xref_titles

# A page whose prose runs longer than this is long enough to need a summary.
LONG_PAGE_WORDS = 400
# The home page is itself a summary of the guide, with its own list of key facts.
SUMMARY_PAGES = {"index.md"}
BOX_RE = re.compile(r'^!!! key-points "Key points"\s*$', re.M)
POINT_RE = re.compile(r"^    - ", re.M)

PAGES = [p for p in all_pages() if str(p.path) not in SUMMARY_PAGES]
IDS = [str(p.path) for p in PAGES]


def words(page: Page) -> int:
    return len(prose(page.body, xref_titles()).split())


def key_points(page: Page) -> str | None:
    """The key-points box's text, up to the next line that is not indented or blank."""
    found = BOX_RE.search(page.body)
    if found is None:
        return None
    box = re.match(r"(?:\n|    .*\n|\n)*", page.body[found.end() + 1 :])
    return box[0] if box else ""


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_a_long_page_opens_with_key_points(page: Page) -> None:
    if words(page) <= LONG_PAGE_WORDS:
        pytest.skip(f"docs/{page.path} is short ({words(page)} words)")
    box = key_points(page)
    assert box is not None, (
        f'docs/{page.path}: {words(page)} words but no !!! key-points "Key points" box'
    )
    first_section = re.search(r"^## ", page.body, re.M)
    assert first_section and BOX_RE.search(page.body).start() < first_section.start(), (
        f"docs/{page.path}: the key points come after the first section; put them under the intro"
    )
    count = len(POINT_RE.findall(box))
    assert 3 <= count <= 5, f"docs/{page.path}: {count} key points (3 to 5 expected)"


def test_the_measure_finds_the_long_pages() -> None:
    """The rule cannot pass by measuring nothing: most content pages are long."""
    assert sum(words(page) > LONG_PAGE_WORDS for page in PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_key_points_are_the_sites_styled_box(built_site: Path, page: Page) -> None:
    if key_points(page) is None:
        pytest.skip(f"docs/{page.path} has no key points")
    root = article(parse(built_site, page.path))
    boxes = root.css("div.admonition.key-points")
    assert len(boxes) == 1, f"docs/{page.path}: {len(boxes)} key-points boxes on the built page"
    title = boxes[0].css_first(".admonition-title")
    assert title is not None and title.text().strip() == "Key points"
    assert len(boxes[0].css("li")) >= 3

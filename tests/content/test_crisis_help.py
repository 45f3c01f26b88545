"""The crisis box stands beside every mention of suicide, and on the home page.

A page "mentions suicide" when its own words do: the text of the article
outside the crisis box itself, the review-date box, citations and the
generated list of sources (whose titles name crisis lines).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.content.site import article, parse
from tests.support.pages import markdown_pages, page_url

PAGES = markdown_pages()
IDS = [page_url(p) for p in PAGES]
SUICIDE_RE = re.compile(r"suicid", re.IGNORECASE)
# The licence-status note names esketamine's licensed use for depression with suicidal
# thoughts: shared data shown on every treatment page, not the page's own words.
NOT_OWN_WORDS = ".kt-crisis, .kt-licence, .kt-trust, .kt-cite, .kt-source, .kt-sources"
ALWAYS = {Path("index.md")}


def mentions_suicide(root: LexborNode) -> bool:
    """Whether the page's own words mention suicide (the root is changed: boxes are removed)."""
    for node in root.css(NOT_OWN_WORDS):
        node.decompose()
    return bool(SUICIDE_RE.search(root.text()))


def open_crisis_box(root: LexborNode) -> LexborNode | None:
    """The crisis box, if the page shows one that a reader cannot collapse."""
    box = root.css_first("aside.kt-crisis")
    if box is None:
        return None
    parent = box.parent
    while parent is not None:
        if parent.tag == "details":
            return None
        parent = parent.parent
    return box


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_pages_about_suicide_show_the_crisis_box(built_site: Path, page: Path) -> None:
    tree = parse(built_site, page)
    box = open_crisis_box(article(tree))
    if page in ALWAYS or mentions_suicide(article(parse(built_site, page))):
        assert box is not None, f"docs/{page}: mentions suicide but has no {{{{ crisis_help() }}}}"
        heading = box.css_first(".kt-crisis__heading").text()
        assert heading.startswith("Call ") and heading.endswith("now if:"), heading


def test_the_check_ignores_the_box_itself() -> None:
    html = '<article><p>Fast relief.</p><aside class="kt-crisis">Suicide line</aside></article>'
    assert not mentions_suicide(LexborHTMLParser(html).css_first("article"))
    html = "<article><p>Some people have suicidal thoughts.</p></article>"
    assert mentions_suicide(LexborHTMLParser(html).css_first("article"))


def test_a_collapsed_box_does_not_count() -> None:
    html = '<article><details><aside class="kt-crisis">Call</aside></details></article>'
    assert open_crisis_box(LexborHTMLParser(html).css_first("article")) is None

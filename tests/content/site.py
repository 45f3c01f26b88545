"""Reading pages of the built site for the content tests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.support.pages import built_path, page_url
from tests.support.repo import REPO


def parse(site: Path, page: Path) -> LexborHTMLParser:
    """The built HTML of docs/`page`."""
    return LexborHTMLParser((site / built_path(page)).read_text(encoding="utf-8"))


def article(tree: LexborHTMLParser) -> LexborNode:
    """The page's own content: Material's article, without the theme's navigation."""
    node = tree.css_first("article.md-content__inner")
    assert node is not None, "no <article class='md-content__inner'> in the built page"
    return node


# What the page's author did not write as prose: headings and permalinks,
# macro output (tables, charts, the crisis box, the licence-status note, care cards, the checklist,
# citations, figures and the generated source and glossary lists) and the theme's
# review-date box.
NOT_PROSE = (
    "h1, h2, h3, h4, h5, h6, a.headerlink, .kt-table, .kt-chart-pair, figure, svg, "
    ".kt-crisis, .kt-licence, .kt-cite, .kt-fig, .kt-source, .kt-sr, .kt-source-needed, "
    ".kt-sources, .kt-glossary, .kt-trust, .kt-care-cards, .kt-checklist"
)


def prose_root(site: Path, page: Path) -> LexborNode:
    """The article of docs/`page` with everything that is not the author's prose removed."""
    root = article(parse(site, page))
    for node in root.css(NOT_PROSE):
        node.decompose()
    return root


def resolve(page: Path, href: str) -> str:
    """The site path an href on `page` points to, without query or fragment."""
    return urlsplit(urljoin(page_url(page), href)).path


def link_targets(page: Path, root: LexborNode) -> set[str]:
    """Every site path that a link inside `root` points to."""
    return {resolve(page, a.attributes.get("href") or "") for a in root.css("a[href]")}


def xrefs() -> dict:
    """data/xrefs.yml: the topic registry and the required links."""
    return yaml.safe_load((REPO / "data" / "xrefs.yml").read_text(encoding="utf-8"))["xrefs"]


def topic_pages() -> dict[str, Path]:
    """Each cross-reference topic id and the docs page it stands for."""
    return {topic["id"]: Path(topic["page"]) for topic in xrefs()["topics"]}

"""Every address in the content brief serves its page and is in the navigation."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

# The addresses the content brief fixes; the last four match the source
# article's own links, so inbound links keep working.
ADDRESSES = [
    "/",
    "/benefits/",
    "/is-it-right-for-me/",
    "/how-its-given/",
    "/how-it-works/",
    "/ketamine-infusion-side-effects/",
    "/ketamine-infusion-dosage/",
    "/ketamine-infusion-therapy-near-me/",
    "/ketamine-for-treatment-resistant-depression/",
    "/sources/",
    "/glossary/",
    "/about/",
]


def nav_addresses(site: Path) -> set[str]:
    """The addresses the home page's main navigation links to."""
    tree = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    nav = tree.css_first("nav.md-nav--primary")
    assert nav is not None, "the home page has no primary navigation"
    return {urlsplit(urljoin("/", a.attributes.get("href") or "")).path for a in nav.css("a[href]")}


@pytest.mark.parametrize("address", ADDRESSES)
def test_address_serves_a_page(built_site: Path, address: str) -> None:
    html = built_site / address.strip("/") / "index.html"
    assert html.is_file(), f"{address} is not served"
    heading = LexborHTMLParser(html.read_text(encoding="utf-8")).css_first("article h1")
    assert heading is not None and heading.text().strip(), f"{address} has no page heading"


@pytest.mark.parametrize("address", ADDRESSES)
def test_address_is_in_the_navigation(built_site: Path, address: str) -> None:
    assert address in nav_addresses(built_site), f"{address} is missing from the nav in mkdocs.yml"

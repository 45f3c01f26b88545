"""Links between pages, relative to the page being rendered.

Markdown links (`sources.md#x`) are checked and rewritten by MkDocs itself;
raw HTML is not, so HTML fragments get the final relative URL (`../sources/#x`).
"""

from __future__ import annotations

import posixpath


def markdown_target(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one docs/ page to another (paths under docs/)."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(to_page, start)
    return f"{target}#{anchor}" if anchor else target


def page_url(page: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a docs/ page: x.md -> x/, index.md -> '' (site root)."""
    stem = page[: -len(".md")]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def html_href(from_page: str, to_page: str, anchor: str = "", directory_urls: bool = True) -> str:
    """A relative URL for raw HTML, from the built page of `from_page` to `to_page`."""
    here = page_url(from_page, directory_urls)
    there = page_url(to_page, directory_urls)
    # With directory URLs a page is a folder (x/), so links start inside it.
    start = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    target = posixpath.relpath(there.rstrip("/") or ".", start or ".")
    if directory_urls:
        target = "./" if target == "." else f"{target}/"
    return f"{target}#{anchor}" if anchor else target


def html_file_href(from_page: str, path: str, directory_urls: bool = True) -> str:
    """A relative URL for raw HTML, from the built page of `from_page` to a file the build
    writes at `path` under the site's root (feed.xml), not to a page."""
    here = page_url(from_page, directory_urls)
    start = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    return posixpath.relpath(path, start or ".")

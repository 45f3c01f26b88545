"""Links are relative to the page being rendered, for Markdown and for raw HTML."""

from __future__ import annotations

import pytest

from scripts.render.links import html_href, markdown_target, page_url


@pytest.mark.parametrize(
    ("page", "url"),
    [("index.md", ""), ("benefits.md", "benefits/"), ("a/index.md", "a/"), ("a/b.md", "a/b/")],
)
def test_page_url(page: str, url: str) -> None:
    assert page_url(page) == url


@pytest.mark.parametrize(
    ("here", "there", "markdown", "html"),
    [
        ("benefits.md", "sources.md", "sources.md#x", "../sources/#x"),
        ("index.md", "sources.md", "sources.md#x", "sources/#x"),
        ("sources.md", "sources.md", "sources.md#x", "./#x"),
        ("a/b.md", "sources.md", "../sources.md#x", "../../sources/#x"),
        ("a/index.md", "index.md", "../index.md#x", "../#x"),
    ],
)
def test_relative_links(here: str, there: str, markdown: str, html: str) -> None:
    assert markdown_target(here, there, "x") == markdown
    assert html_href(here, there, "x") == html


def test_links_without_directory_urls() -> None:
    assert html_href("a/b.md", "sources.md", "x", directory_urls=False) == "../sources.html#x"

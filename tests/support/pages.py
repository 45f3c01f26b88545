"""Where each Markdown page of docs/ lands in the built site."""

from __future__ import annotations

from pathlib import Path

from tests.support.repo import REPO

DOCS = REPO / "docs"


def markdown_pages() -> list[Path]:
    """Every Markdown page of the site, relative to docs/ (snippets and includes excluded)."""
    return sorted(p.relative_to(DOCS) for p in DOCS.rglob("*.md") if "includes" not in p.parts)


def built_path(page: Path) -> Path:
    """The HTML file MkDocs writes for `page` with directory URLs: x.md -> x/index.html."""
    if page.name == "index.md":
        return page.parent / "index.html"
    return page.with_suffix("") / "index.html"


def page_url(page: Path) -> str:
    """The site-relative URL of `page`, as readers see it: /x/ (or / for the home page)."""
    parent = built_path(page).parent.as_posix()
    return "/" if parent == "." else f"/{parent}/"

"""The pages the browser tests visit: every Markdown page under docs/, found when tests collect."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.support.pages import markdown_pages, page_url


@dataclass(frozen=True)
class SitePage:
    """A docs page and the address readers load it from."""

    source: Path
    path: str

    @property
    def label(self) -> str:
        """How a failure names the page: its source file and its address."""
        return f"docs/{self.source.as_posix()} ({self.path})"

    @property
    def slug(self) -> str:
        """A file-name-safe name for artefacts such as screenshots."""
        return self.path.strip("/").replace("/", "-") or "home"


SITE_PAGES = [SitePage(source, page_url(source)) for source in markdown_pages()]
PAGE_IDS = [page.path for page in SITE_PAGES]
PALETTES = ("light", "dark")


def page_for(source: str) -> SitePage:
    """The page built from docs/`source`; fails clearly while that page does not exist yet."""
    for page in SITE_PAGES:
        if page.source.as_posix() == source:
            return page
    raise AssertionError(f"docs/{source} does not exist, so its page cannot be checked")

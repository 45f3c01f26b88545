"""Every page's front matter: the fields the theme, search engines and editors rely on."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.content.source import Page, all_pages
from tests.support.repo import REPO

PAGES = all_pages()
IDS = [str(p.path) for p in PAGES]
REQUIRED = {"title": str, "description": str, "reviewed": dt.date, "review_due": dt.date}
MAX_DESCRIPTION = 150


def source_ids() -> set[str]:
    data = yaml.safe_load((REPO / "data" / "sources.yml").read_text(encoding="utf-8"))
    return {row["id"] for row in data["sources"]}


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_required_fields_have_the_right_types(page: Page) -> None:
    for field, kind in REQUIRED.items():
        assert field in page.meta, f"docs/{page.path}: front matter has no '{field}'"
        value = page.meta[field]
        assert isinstance(value, kind), (
            f"docs/{page.path}: '{field}' should be a {kind.__name__}, got {value!r}"
        )
    assert page.meta["title"].strip(), f"docs/{page.path}: empty title"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_description_fits_a_search_result(page: Page) -> None:
    description = page.meta["description"]
    assert 0 < len(description) <= MAX_DESCRIPTION, (
        f"docs/{page.path}: description is {len(description)} characters "
        f"(1 to {MAX_DESCRIPTION} expected)"
    )


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_review_is_due_after_the_last_review(page: Page) -> None:
    assert page.meta["review_due"] > page.meta["reviewed"], (
        f"docs/{page.path}: review_due {page.meta['review_due']} is not after "
        f"reviewed {page.meta['reviewed']}"
    )


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_sources_are_known_source_ids(page: Page) -> None:
    sources = page.meta.get("sources")
    assert isinstance(sources, list), f"docs/{page.path}: 'sources' should be a list of ids"
    unknown = sorted(set(sources) - source_ids())
    assert not unknown, f"docs/{page.path}: unknown source ids {unknown} (see data/sources.yml)"
    assert len(sources) == len(set(sources)), f"docs/{page.path}: a source id is listed twice"

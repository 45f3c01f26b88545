"""No figure is typed by hand in docs/: every number a reader sees comes from data/.

The scan covers each page's body (front matter, with its dates, is skipped) and
ignores everything inside {{ ... }} macro calls. The one allowance is the
marker of an ordered list ("1. ", "2. "): Markdown needs it and it is a step
number, not a figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content.source import JINJA_COMMENT_RE, MACRO_RE, Page, all_pages

PAGES = all_pages()
IDS = [str(p.path) for p in PAGES]
ORDERED_LIST_MARKER_RE = re.compile(r"^\s*\d+\.\s")
DIGIT_RE = re.compile(r"\d")


def typed_figures(page: Page) -> list[str]:
    """Each body line that shows a digit outside macro calls, as 'docs/x.md:line: text'."""
    found = []
    body = JINJA_COMMENT_RE.sub("", page.body)
    for offset, line in enumerate(body.splitlines()):
        visible = ORDERED_LIST_MARKER_RE.sub("", MACRO_RE.sub("", line))
        if DIGIT_RE.search(visible):
            found.append(f"docs/{page.path}:{page.body_start_line + offset}: {line.strip()}")
    return found


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_digit_outside_macro_calls(page: Page) -> None:
    found = typed_figures(page)
    assert not found, "figures typed by hand (use fact() or table()):\n" + "\n".join(found)


def test_the_scan_finds_a_typed_figure() -> None:
    page = Page(path=Path("example.md"), meta={}, body="About 50% respond.\n", body_start_line=7)
    assert typed_figures(page) == ["docs/example.md:7: About 50% respond."]


def test_the_scan_ignores_macros_and_list_markers() -> None:
    body = '1. About {{ fact("trd_response") }} respond.\n{{ table("methods") }}\n'
    page = Page(path=Path("example.md"), meta={}, body=body, body_start_line=7)
    assert typed_figures(page) == []

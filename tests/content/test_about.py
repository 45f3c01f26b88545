"""The about page states the editorial policy readers need to judge the guide: who does
what, what counts as a source, how corrections are handled and how fast, who pays, and
how conflicts of interest are declared; and it names roles, never people."""

from __future__ import annotations

import re

import pytest

from tests.content.source import read_page
from tests.support.pages import markdown_pages

ABOUT = next(page for page in markdown_pages() if page.as_posix() == "about.md")


def sections() -> dict[str, str]:
    """The about page's text under each heading, by heading."""
    parts = re.split(r"^#{2,3} (.+)$", read_page(ABOUT).body, flags=re.M)
    return {title.strip(): text for title, text in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize(
    ("heading", "must_say"),
    [
        ("Who does the work", ["editors", "reviewers", "maintainers", "pull request"]),
        (
            "What counts as a source",
            ["regulators", "nice", "clinic adverts", "source not confirmed"],
        ),
        ("How we review pages", ["at least once a year", "each week"]),
        ("How we correct mistakes", ["report a problem with this page", "within a week", "safety"]),
        ("Money, adverts and tracking", ["no money", "no adverts", "do not track"]),
        ("Conflicts of interest", ["conflict of interest", "pull request"]),
    ],
)
def test_the_editorial_policy_says_it(heading: str, must_say: list[str]) -> None:
    text = sections().get(heading)
    assert text is not None, f"docs/about.md has no section '{heading}'"
    said = " ".join(text.lower().split())
    missing = [words for words in must_say if words not in said]
    assert not missing, f"docs/about.md, '{heading}' does not say: {missing}"


def test_the_policy_names_roles_not_people() -> None:
    """No invented names: roles are words, in bold, such as **Editors**."""
    body = read_page(ABOUT).body
    assert not re.search(r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.? [A-Z][a-z]+", body)

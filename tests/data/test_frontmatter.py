"""Page front matter is checked when the build starts, naming the page and the field."""

from __future__ import annotations

import pytest

from scripts.data.errors import DataError, FrontMatterError
from scripts.pages.frontmatter import check_page, check_pages
from tests.support.repo import REPO

KNOWN = {"nice-ta854", "fava-2018"}
GOOD = """---
title: Ketamine infusion dosage
description: How ketamine doses are worked out.
reviewed: 2026-11-24
review_due: 2027-05-24
sources: [nice-ta854, fava-2018]
---

# Dosage
"""


def test_a_good_page_passes() -> None:
    page = check_page(GOOD, "docs/dosage.md", KNOWN)
    assert page.title == "Ketamine infusion dosage"
    assert page.review_due.year == 2027


def test_every_real_page_passes() -> None:
    from scripts.data import load_site_data

    check_pages(REPO / "docs", load_site_data(REPO).sources)


BAD = {
    "missing-title": ("title: Ketamine infusion dosage\n", "", "title", "found nothing"),
    "long-description": (
        "description: How ketamine doses are worked out.",
        "description: " + "x" * 151,
        "description",
        "found 151 characters, expected a summary of 150 characters or fewer",
    ),
    "reviewed-not-a-date": (
        "reviewed: 2026-11-24",
        "reviewed: last week",
        "reviewed",
        "found 'last week'",
    ),
    "impossible-date": (
        "review_due: 2027-05-24",
        "review_due: 2027-02-30",
        "review_due",
        "found 2027-02-30, a date that does not exist",
    ),
    "due-before-reviewed": (
        "review_due: 2027-05-24",
        "review_due: 2026-01-01",
        "review_due",
        "not after reviewed",
    ),
    "unknown-source": (
        "sources: [nice-ta854, fava-2018]",
        "sources: [nice-ta845]",
        "sources",
        "one of nice-ta854",
    ),
    "sources-not-a-list": (
        "sources: [nice-ta854, fava-2018]",
        "sources: nice-ta854",
        "sources",
        "a list of source ids",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_front_matter_names_page_and_field(name: str) -> None:
    old, new, field, words = BAD[name]
    assert old in GOOD
    with pytest.raises(FrontMatterError) as caught:
        check_page(GOOD.replace(old, new), "docs/dosage.md", KNOWN)
    message = str(caught.value)
    assert message.startswith("docs/dosage.md"), message
    assert f"field '{field}'" in message and words in message, message


def test_page_without_front_matter() -> None:
    expected = r"^docs/x\.md:1, field 'title': found no front matter"
    with pytest.raises(FrontMatterError, match=expected):
        check_page("# Just a heading\n", "docs/x.md", KNOWN)


def test_front_matter_of_comments_only_reads_as_empty() -> None:
    """A YAML comment is no node at all: the missing fields are named, as for `---`/`---`."""
    with pytest.raises(DataError) as empty:
        check_page("---\n---\n\n# Title\n", "docs/x.md", KNOWN)
    with pytest.raises(DataError) as comments:
        check_page("---\n# only a comment\n---\n\n# Title\n", "docs/x.md", KNOWN)
    assert comments.value.problems == empty.value.problems
    assert any(problem.field == "title" for problem in comments.value.problems)


def test_an_unquoted_colon_in_a_value_says_to_quote_it() -> None:
    text = GOOD.replace("description: How", "description: Dosage: how")
    with pytest.raises(FrontMatterError) as caught:
        check_page(text, "docs/dosage.md", KNOWN)
    problem = caught.value.problem
    assert problem.line == 3
    assert problem.found == 'a colon followed by a space inside a value (": ")'
    assert problem.expected.endswith("put the whole value in quotes")

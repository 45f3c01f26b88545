"""The pages speak calmly: none of the source article's slang, no hype, no unsupported claims.

The phrases come from the source article's jokes and from section 7 of the
medical fact sheet ("claims not to make"). Only phrasings that are wrong in
any context are listed: a page may still say, for example, that ketamine is
not a cure.
"""

from __future__ import annotations

import re

import pytest

from tests.content.source import Page, all_pages, prose, xref_titles

PAGES = all_pages()
IDS = [str(p.path) for p in PAGES]

SLANG = [
    "chocolate teapot",
    "planet earth",
    "secret sauce",
    "golden ticket",
    "roller coaster",
    "rollercoaster",
    "one-hit wonder",
    "run for the hills",
    "tough nut",
    "pill-popping",
    "mojo",
    "swoops in",
    "thumbs-up",
    "full court press",
    "nitty-gritty",
    "side kicks",
    "express lane",
    "sweet time",
    "play hard to get",
    "playing hard to get",
    "folks",
]
HYPE = [
    "game-changer",
    "game changer",
    "life-saving",
    "lifesaving",
    "miracle",
    "breakthrough",
    "wonder drug",
    "revolutionary",
    "beacon of hope",
    "breath of fresh air",
    "magic",
    "cure-all",
    "guaranteed to",
]
UNSUPPORTED_CLAIMS = [
    "lasting relief",
    "no long-term side effects",
    "not addictive",
    "fda-approved ketamine",
    "rewire",
    "nice-approved",
    "nice approved",
    "better than ect",
    "works for everyone",
    "just as safe",
    "stops suicidal thoughts",
]
BANNED = SLANG + HYPE + UNSUPPORTED_CLAIMS


def banned_phrases(text: str) -> list[str]:
    """The banned phrases that occur in `text`, as whole words, ignoring case."""
    lowered = text.lower()
    return [p for p in BANNED if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", lowered)]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_slang_hype_or_unsupported_claims(page: Page) -> None:
    found = banned_phrases(prose(page.body, xref_titles()))
    assert not found, f"docs/{page.path}: reword {found}"


def test_the_check_finds_hype_and_slang() -> None:
    text = "Ketamine is a Game-Changer, as useful as a chocolate teapot is not."
    assert banned_phrases(text) == ["chocolate teapot", "game-changer"]


def test_the_check_leaves_neutral_wording_alone() -> None:
    assert banned_phrases("It is not a cure. Nobody knows the long-term effects.") == []

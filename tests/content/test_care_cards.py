"""Care cards stand wherever a page's own words name the symptoms they cover.

A reader who learns on any page that ketamine can slow breathing, harm the
bladder or, rarely, cause chest pain or a seizure also learns there what to do
and how urgently. The page's own words are its prose without macro output
(site.NOT_PROSE), so a card never counts as its own mention.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.content.site import article, parse, prose_root
from tests.support.pages import markdown_pages, page_url

PAGES = markdown_pages()
IDS = [page_url(p) for p in PAGES]
# How a page's words name the symptoms of each card.
MENTIONS = {
    "bladder": re.compile(r"\bbladder\b|\burine\b|\burinary\b", re.IGNORECASE),
    "breathing": re.compile(r"\b(?:slow(?:ed)?|trouble|short of) breath", re.IGNORECASE),
    "after-session": re.compile(r"\bchest pain\b|\bseizures?\b|\bsevere headache\b", re.I),
}


def cards_shown(root: LexborNode) -> set[str]:
    """The care cards on the page, by name (from their boxes' heading ids)."""
    shown = set()
    for heading in root.css(".kt-care-cards .kt-care__heading"):
        match = re.match(r"kt-care-(.+)-(?:clinic|urgent|emergency)$", heading.id or "")
        if match:
            shown.add(match.group(1))
    return shown


def missing_cards(prose: LexborNode, page_root: LexborNode) -> list[str]:
    words = prose.text()
    shown = cards_shown(page_root)
    return [
        card for card, pattern in MENTIONS.items() if pattern.search(words) and card not in shown
    ]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_a_page_that_names_the_symptoms_shows_their_card(built_site: Path, page: Path) -> None:
    missing = missing_cards(prose_root(built_site, page), article(parse(built_site, page)))
    assert not missing, (
        f"docs/{page}: mentions the symptoms of {missing} but shows no card; "
        + ", ".join(f'add {{{{ care_cards("{card}") }}}}' for card in missing)
    )


def test_the_side_effects_page_shows_every_card(built_site: Path) -> None:
    root = article(parse(built_site, Path("ketamine-infusion-side-effects.md")))
    assert cards_shown(root) == set(MENTIONS)


def test_the_check_finds_a_missing_card() -> None:
    page = LexborHTMLParser("<article><p>Tell us about blood in your urine.</p></article>")
    root = page.css_first("article")
    assert missing_cards(root, root) == ["bladder"]
    shown = LexborHTMLParser(
        '<article><p>Blood in your urine.</p><div class="kt-care-cards">'
        '<h3 class="kt-care__heading" id="kt-care-bladder-urgent">Call</h3></div></article>'
    ).css_first("article")
    assert missing_cards(root, shown) == []

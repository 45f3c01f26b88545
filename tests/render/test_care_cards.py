"""Care cards: escaped signs, most urgent first, told apart without colour, numbers from data."""

from __future__ import annotations

import dataclasses

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data import SiteData
from scripts.data.errors import PageUsageError, UnknownNameError, UnknownReferenceError
from scripts.data.models import CareSignRow, CrisisLineRow, SourceRow
from scripts.render.api import SiteMacros
from scripts.render.care_cards import LEVELS, care_cards
from scripts.render.citations import UNCONFIRMED, Citer, PageLinks

# Built without validation: the data layer refuses markup, and the renderer must escape anyway.
SOURCES = {"s1": SourceRow.model_construct(id="s1", publisher="P", title="T", short="Short <one>")}
LINES = {
    "uk-999": CrisisLineRow(
        id="uk-999",
        region="UK",
        service="E",
        number="999",
        tel="999",
        how="h",
        in_heading=False,
        source="s1",
    ),
    "england-111": CrisisLineRow(
        id="england-111",
        region="UK",
        service="N",
        number="111",
        tel="111",
        how="h",
        in_heading=False,
        source="s1",
    ),
    "us-911": CrisisLineRow(
        id="us-911",
        region="US",
        service="E",
        number="911",
        tel="911",
        how="h",
        in_heading=False,
        source="s1",
    ),
}
SIGNS = (
    CareSignRow.model_construct(
        id="a", card="lungs", level="clinic", sign="A cough <b>x</b>", source="s1", source_note=None
    ),
    CareSignRow(id="b", card="lungs", level="emergency", sign="No breath & pale", source="s1"),
    CareSignRow(id="c", card="lungs", level="urgent", sign="Wheeze", source_note="not known"),
    CareSignRow(id="d", card="other", level="urgent", sign="Elsewhere", source="s1"),
)


def render(card: str = "lungs", heading: int = 3) -> HTMLParser:
    citer = Citer(SOURCES, PageLinks("benefits.md"))
    return HTMLParser(care_cards(card, SIGNS, LINES, citer, heading))


def test_values_are_escaped() -> None:
    html = care_cards("lungs", SIGNS, LINES, Citer(SOURCES, PageLinks("benefits.md")))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "Short &lt;one&gt;" in html and "No breath &amp; pale" in html


def test_levels_come_most_urgent_first_and_only_the_cards_own_signs() -> None:
    sections = render().css("section.kt-care")
    assert [s.attributes["class"] for s in sections] == [
        "kt-care kt-care--emergency",
        "kt-care kt-care--urgent",
        "kt-care kt-care--clinic",
    ]
    assert "Elsewhere" not in render().body.text()
    assert [len(s.css("li")) for s in sections] == [1, 1, 1]


def test_each_level_has_a_labelled_heading_of_the_asked_rank() -> None:
    tree = render(heading=4)
    for section, level in zip(tree.css("section.kt-care"), LEVELS, strict=True):
        heading = section.css_first("h4")
        assert heading is not None and section.attributes["aria-labelledby"] == heading.id
        # The words say how urgent, so colour is never the only cue.
        assert heading.css_first(".kt-care__label").text() == f"{level.label}:"
    assert not tree.css("h3")


def test_numbers_come_from_the_crisis_lines_as_tel_links() -> None:
    emergency, urgent, clinic = render().css("section.kt-care")
    assert emergency.css_first("h3 a").attributes["href"] == "tel:999"
    assert "Call 999 or go to A&E if:" in emergency.css_first("h3").text()
    assert emergency.css_first(".kt-care__us a").attributes["href"] == "tel:911"
    assert urgent.css_first("h3 a").attributes["href"] == "tel:111"
    assert clinic.css_first("a[href^='tel:']") is None


def test_a_sign_without_source_says_why_in_words() -> None:
    urgent = render().css("section.kt-care")[1]
    assert urgent.css_first(".kt-source-needed").text() == UNCONFIRMED
    assert urgent.css_first(".kt-care__note").text() == "not known"


def test_the_macro_refuses_an_unknown_card_or_heading_rank(site_data: SiteData) -> None:
    macros = SiteMacros(site_data, lambda: "ketamine-infusion-side-effects.md")
    with pytest.raises(UnknownNameError, match="bladder"):
        macros.care_cards("bladdr")
    with pytest.raises(PageUsageError, match="heading rank"):
        macros.care_cards("bladder", heading=7)


def test_the_macro_names_a_missing_crisis_line(site_data: SiteData) -> None:
    lines = tuple(line for line in site_data.crisis_lines if line.id != "us-911")
    macros = SiteMacros(dataclasses.replace(site_data, crisis_lines=lines), lambda: "a.md")
    with pytest.raises(UnknownReferenceError, match="us-911"):
        macros.care_cards("bladder")


def test_every_real_card_cites_a_source_for_every_sign(site_data: SiteData) -> None:
    macros = SiteMacros(site_data, lambda: "ketamine-infusion-side-effects.md")
    for card in {sign.card for sign in site_data.tables["care_cards"]}:
        tree = HTMLParser(macros.care_cards(card))
        for item in tree.css("li"):
            assert item.css_first("a.kt-cite") or item.css_first(".kt-source-needed"), card

"""Care cards: when to get help for a symptom, in three levels of urgency, as NHS pages show it.

Each level has its own words, heading and style, so a reader can tell them apart
without colour: a label ("Urgent advice"), a heading that says what to do, and
the United States equivalent below the signs. The phone numbers come from the
crisis lines data, never from this module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from scripts.data.models import CareSignRow, CrisisLineRow
from scripts.render.citations import Citer


@dataclass(frozen=True)
class Level:
    """One level of urgency: its label, its heading and its United States equivalent.

    `{uk}` and `{us}` in the texts stand for the numbers of the crisis lines
    named by `uk_line` and `us_line`, shown as tel: links.
    """

    name: str  # as data/care_cards.yml writes it
    label: str
    heading: str
    us: str
    uk_line: str | None = None
    us_line: str | None = None


# Most urgent first: a reader in trouble sees what to do now before anything else.
LEVELS: tuple[Level, ...] = (
    Level(
        "emergency",
        "Immediate action required",
        "Call {uk} or go to A&E if:",
        "In the United States, call {us}.",
        uk_line="uk-999",
        us_line="us-911",
    ),
    Level(
        "urgent",
        "Urgent advice",
        "Ask your clinic or GP for urgent advice, or call {uk} if:",
        "In the United States, call your clinic or doctor straight away.",
        uk_line="england-111",
    ),
    Level(
        "clinic",
        "Non-urgent advice",
        "Tell your clinic or GP if:",
        "In the United States, tell your clinic or doctor.",
    ),
)

LINES_NEEDED = tuple(
    line for level in LEVELS for line in (level.uk_line, level.us_line) if line is not None
)


def care_cards(
    card: str,
    signs: Sequence[CareSignRow],
    lines: Mapping[str, CrisisLineRow],
    citer: Citer,
    heading: int = 3,
) -> str:
    """The card's signs, grouped by level (most urgent first), each group under a heading of
    rank `heading` (2 to 6, to fit the page's outline). `lines` must hold LINES_NEEDED."""
    groups = []
    for level in LEVELS:
        shown = [sign for sign in signs if sign.card == card and sign.level == level.name]
        if shown:
            groups.append(_group(card, level, shown, lines, citer, heading))
    return f'<div class="kt-care-cards">{"".join(groups)}</div>'


def _group(
    card: str,
    level: Level,
    signs: Sequence[CareSignRow],
    lines: Mapping[str, CrisisLineRow],
    citer: Citer,
    heading: int,
) -> str:
    heading_id = escape(f"kt-care-{card}-{level.name}")
    numbers = {"uk": _tel(lines, level.uk_line), "us": _tel(lines, level.us_line)}
    title = escape(level.heading).format(**numbers)
    items = "".join(f"<li>{escape(sign.sign)} {_source(sign, citer)}</li>" for sign in signs)
    return (
        f'<section class="kt-care kt-care--{escape(level.name)}" '
        f'aria-labelledby="{heading_id}">'
        f'<h{heading} class="kt-care__heading" id="{heading_id}">'
        f'<span class="kt-care__label">{escape(level.label)}:</span> {title}</h{heading}>'
        f'<ul class="kt-care__signs">{items}</ul>'
        f'<p class="kt-care__us">{escape(level.us).format(**numbers)}</p></section>'
    )


def _tel(lines: Mapping[str, CrisisLineRow], line_id: str | None) -> str:
    if line_id is None:
        return ""
    line = lines[line_id]
    if line.number is None or line.tel is None:
        return escape(line.service)
    return f'<a class="kt-care__number" href="tel:{escape(line.tel)}">{escape(line.number)}</a>'


def _source(sign: CareSignRow, citer: Citer) -> str:
    """The sign's source, or the visible mark and the reason there is none."""
    if sign.source is not None:
        return f'<span class="kt-care__source">({citer.source_html(sign.source)})</span>'
    note = sign.source_note or ""
    return f'{citer.unconfirmed_html(note)} <span class="kt-care__note">{escape(note)}</span>'

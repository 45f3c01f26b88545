"""The site's tables: which rows, which columns, which caption.

Adding a table is adding a spec here; the renderer stays generic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scripts.data.figures import figure_of
from scripts.data.models import CommonEffectRow
from scripts.render.tables import Cell, Cited, Column, Source, TableSpec


def _text(field: str) -> Callable[[Any], Cell]:
    return lambda row: getattr(row, field)


def _figure(field: str) -> Callable[[Any], Cell]:
    return lambda row: figure_of(row, field) if getattr(row, field) is not None else None


def _source(row: Any) -> Source:
    return Source(row.source, row.source_note)


def _cited(field: str) -> Callable[[Any], Cited]:
    """A cell that carries its own source ({text, source} in the data)."""

    def cell(row: Any) -> Cited:
        value = getattr(row, field)
        return Cited(value.text, value.source, value.source_note)

    return cell


# How the interactions table says what a row is about.
APPLIES_TO = {
    "esketamine": "Esketamine nasal spray (its label or patient information)",
    "iv-ketamine": "IV ketamine",
}


SOURCE = Column("Source", _source)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "conditions",
            "Conditions ketamine is used for, and how many people respond",
            (
                Column("Condition", _text("name")),
                Column("How many respond", _figure("success_rate"), numeric=True),
                Column("Note", _text("note")),
            ),
        ),
        TableSpec(
            "methods",
            "How ketamine is given, and how long a session usually takes",
            (
                Column("Method", _text("name")),
                Column("How it is given", _text("how")),
                Column("Session time", _figure("session_minutes"), numeric=True),
                Column("Notes", _text("notes")),
            ),
        ),
        TableSpec(
            "comparison",
            "Ketamine therapy compared with daily antidepressants",
            (
                Column("Treatment", _text("treatment")),
                Column("How it is taken", _text("method")),
                Column("How often", _text("frequency")),
                Column("How soon it can help", _figure("onset_text")),
            ),
        ),
        TableSpec(
            "common_effects",
            "Common effects, and how many people had them where a source gives a rate",
            (
                Column("Effect", _text("effect")),
                Column("Where the figure comes from", lambda r: CommonEffectRow.SEEN_IN[r.seen_in]),
                Column("How many had it", _figure("percent"), numeric=True),
                Column("What the source says", _text("note")),
                SOURCE,
            ),
        ),
        TableSpec(
            "immediate_effects",
            "Effects and rates as the article this guide is based on gives them",
            (
                Column("Effect", _text("effect")),
                Column("People reporting it", _figure("percent"), numeric=True),
            ),
        ),
        TableSpec(
            "risks",
            "Risks of ketamine treatment",
            (
                Column("Risk", _text("name")),
                Column("Short or long term", _text("term")),
                Column("What we know", _text("summary")),
                Column("How common", _figure("percent"), numeric=True),
                Column("How long it lasts", _text("lasts")),
                SOURCE,
            ),
        ),
        TableSpec(
            "monitoring",
            "Checks before, during and after each session",
            (
                Column("When", lambda row: row.stage.capitalize()),
                Column("What happens", _text("summary")),
                SOURCE,
            ),
        ),
        TableSpec(
            "other_treatments",
            "Other treatments for treatment-resistant depression, with ketamine and esketamine",
            (
                Column("Treatment", _text("treatment")),
                Column("How it is given", _cited("given")),
                Column("How soon it may help", _cited("onset")),
                Column("Main downsides", _cited("downsides")),
                Column("Licence or NICE status", _cited("status")),
            ),
        ),
        TableSpec(
            "interactions",
            "Medicines, alcohol and drugs that matter with ketamine or esketamine",
            (
                Column("Medicines or drugs", _text("group")),
                Column("Examples", _text("examples")),
                Column("What may happen", _text("effect")),
                Column("What to do", _text("advice")),
                Column("About", lambda row: APPLIES_TO[row.applies_to]),
                SOURCE,
            ),
        ),
        TableSpec(
            "candidacy",
            "Who may be offered ketamine treatment",
            (
                Column("Criterion", _text("criterion")),
                Column("What it means", _text("detail")),
                SOURCE,
            ),
        ),
    )
}

"""One generic HTML table renderer, driven by a column spec.

A spec says which rows to show and, per column, its header and how to get
each cell from a row: text (escaped), a Figure (formatted and cited), the row's
Source, or words Cited to a source of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from scripts.data.figures import Figure
from scripts.render.citations import UNCONFIRMED, Citer


@dataclass(frozen=True)
class Source:
    """A cell that shows the row's source (for rows whose facts are words, not figures)."""

    source: str | None
    note: str | None


@dataclass(frozen=True)
class Cited:
    """Words followed by their own source, for tables whose cells rest on different sources."""

    text: str
    source: str | None
    note: str | None


Cell = str | Figure | Source | Cited | None


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, its cell for a row and its alignment."""

    header: str
    cell: Callable[[Any], Cell]
    numeric: bool = False  # right-aligned, so figures line up


@dataclass(frozen=True)
class TableSpec:
    """A table: its name, its caption and its columns."""

    name: str
    caption: str
    columns: tuple[Column, ...]  # the first column heads each row (th scope="row")


def render_table(spec: TableSpec, rows: Sequence[Any], citer: Citer) -> str:
    """The table as one block of HTML, in a box that can scroll sideways if it must.

    Each body cell carries its column's header as `data-label`: on a phone, data.css
    shows every row as a block of labelled cells, so the table never scrolls sideways.
    The table and its row groups state their roles: some browsers drop a table's meaning
    for screen readers once CSS lays it out as blocks. Rows and cells carry none, as the
    HTML standard allows no explicit role on them inside a table with role="table".
    """
    caption_id = f"kt-table-{spec.name}"
    head = "".join(f'<th scope="col">{escape(c.header)}</th>' for c in spec.columns)
    body = "".join(_row(spec, row, citer) for row in rows)
    return (
        f'<div class="kt-table" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table role="table"><caption id="{caption_id}">{escape(spec.caption)}</caption>'
        f'<thead role="rowgroup"><tr>{head}</tr></thead>'
        f'<tbody role="rowgroup">{body}</tbody>'
        f"{_notes(spec, rows)}</table></div>"
    )


def _notes(spec: TableSpec, rows: Sequence[Any]) -> str:
    """Why some figures have no source, in words every reader sees (a title is not enough)."""
    notes: list[str] = []
    for row in rows:
        for column in spec.columns:
            value = column.cell(row)
            note = getattr(value, "source_note", None) or getattr(value, "note", None)
            if isinstance(value, (Figure, Source, Cited)) and note and note not in notes:
                notes.append(note)
    if not notes:
        return ""
    text = " ".join(escape(note) for note in notes)
    return (
        f'<tfoot role="rowgroup"><tr><td colspan="{len(spec.columns)}">'
        f'<span class="kt-source-needed">{UNCONFIRMED}</span> {text}</td></tr></tfoot>'
    )


def _row(spec: TableSpec, row: Any, citer: Citer) -> str:
    cells = []
    for index, column in enumerate(spec.columns):
        content = _cell(column.cell(row), citer)
        css = ' class="kt-num"' if column.numeric else ""
        tag = 'th scope="row"' if index == 0 else "td"
        label = f' data-label="{escape(column.header)}"'
        cells.append(f"<{tag}{css}{label}>{content}</{tag.split()[0]}>")
    return f"<tr>{''.join(cells)}</tr>"


def _cell(value: Cell, citer: Citer) -> str:
    if value is None:
        return '<span class="kt-none">–</span>'
    if isinstance(value, Figure):
        return citer.figure_html(value)
    if isinstance(value, Source):
        return citer.source_html(value.source, value.note)
    if isinstance(value, Cited):
        source = citer.source_html(value.source, value.note)
        return f'{escape(value.text)} <span class="kt-cell-source">({source})</span>'
    return escape(value)

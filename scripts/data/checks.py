"""Rules that span fields, rows or files, checked after each file's schema.

Each rule raises a typed error naming the file, row, field and line, so an
editor can go straight to the mistake.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from scripts.data import models
from scripts.data.errors import (
    DataError,
    DuplicateIdError,
    Problem,
    SchemaError,
    UnknownReferenceError,
)
from scripts.data.figures import Figure, figure_of
from scripts.data.schema_errors import show

if TYPE_CHECKING:
    from scripts.data.loader import Parsed

FIGURE_FORMS = ("from", "value", "min", "text")


def closest(name: str, valid: Iterable[str]) -> str:
    """'one of a, b' with the names nearest to `name` (difflib), for error messages."""
    options = sorted(valid)
    near = difflib.get_close_matches(name, options, n=3, cutoff=0.5)
    shown = near or options[:5]
    prefix = "one of" if near else "one of (for example)"
    return f"{prefix} {', '.join(shown)}"


def check_all(parsed: Mapping[str, Parsed]) -> None:
    sources = {row.id for row in parsed["sources"].records}
    for item in parsed.values():
        if item.dataset.rows:
            _unique(item, "id")
            _sourced(item, sources)
    _unique(parsed["glossary"], "term")
    _spans(parsed["methods"])
    _crisis_lines(parsed["crisis_lines"])
    _facts_shape(parsed["facts"])
    _xrefs(parsed["xrefs"])


def resolve_facts(parsed: Mapping[str, Parsed]) -> dict[str, Figure]:
    """Every fact as a Figure; `from` facts take the figure and source of their row."""
    return {
        row.id: _fact_figure(parsed, index, row)
        for index, row in enumerate(parsed["facts"].records)
    }


def _fail(
    kind: type[DataError], item: Parsed, index: int, field: str, found: str, expected: str
) -> None:
    record = item.records[index]
    label = f"'{record.id}' (item {index + 1})" if hasattr(record, "id") else f"item {index + 1}"
    line = item.lines[index].of(field) if index < len(item.lines) else None
    raise kind(Problem(item.label, expected, found, label, field, line))


def _unique(item: Parsed, attribute: str) -> None:
    first: dict[str, int] = {}
    for index, record in enumerate(item.records):
        value = getattr(record, attribute)
        if value in first:
            found = f"{show(value)} again (first in item {first[value] + 1})"
            _fail(DuplicateIdError, item, index, attribute, found, f"a unique {attribute}")
        first[value] = index


def _sourced(item: Parsed, sources: set[str]) -> None:
    if not issubclass(item.dataset.model, models.SourcedRow):
        return
    for index, record in enumerate(item.records):
        if getattr(record, "from_", None) is not None:
            continue  # a fact that borrows its row's source, checked in _facts_shape
        _source_or_note(item, index, record, sources)


def _source_or_note(item: Parsed, index: int, record: Any, sources: set[str]) -> None:
    if record.source is None and record.source_note is None:
        expected = "a source id, or a source_note saying why there is none"
        _fail(SchemaError, item, index, "source", "neither source nor source_note", expected)
    if record.source is not None and record.source_note is not None:
        _fail(SchemaError, item, index, "source_note", "both source and source_note", "only one")
    if record.source is not None and record.source not in sources:
        expected = f"a source id from data/sources.yml: {closest(record.source, sources)}"
        _fail(UnknownReferenceError, item, index, "source", show(record.source), expected)


def _spans(item: Parsed) -> None:
    for index, record in enumerate(item.records):
        span = record.session_minutes
        if span.min > span.max:
            found = f"min {span.min} above max {span.max}"
            _fail(SchemaError, item, index, "session_minutes.max", found, "max at least min")


def _crisis_lines(item: Parsed) -> None:
    for index, line in enumerate(item.records):
        if (line.number is None) != (line.tel is None):
            found = "only one of number and tel"
            _fail(SchemaError, item, index, "tel", found, "both number and tel, or neither")
        if line.in_heading and (line.number is None or line.now_if is None):
            found = "in_heading: true without number and now_if"
            _fail(SchemaError, item, index, "now_if", found, "a number and a now_if reason")


def _facts_shape(item: Parsed) -> None:
    for index, fact in enumerate(item.records):
        forms = [name for name in FIGURE_FORMS if _given(fact, name)]
        if len(forms) != 1:
            found = f"{' and '.join(forms) or 'none'} of {', '.join(FIGURE_FORMS)}"
            _fail(
                SchemaError,
                item,
                index,
                "value",
                found,
                "exactly one of from, value, min/max, text",
            )
        if (fact.min is None) != (fact.max is None):
            _fail(SchemaError, item, index, "max", "only one end of the range", "both min and max")
        if fact.min is not None and fact.min > fact.max:
            _fail(
                SchemaError,
                item,
                index,
                "max",
                f"min {fact.min} above max {fact.max}",
                "max at least min",
            )
        if fact.from_ is not None and (fact.source or fact.source_note):
            found = "a source on a fact that uses from"
            _fail(SchemaError, item, index, "source", found, "no source: it comes from the row")
        _percent_range(item, index, fact)


def _percent_range(item: Parsed, index: int, fact: models.FactRow) -> None:
    if fact.unit != "%":
        if fact.style == "natural" and fact.from_ is None:
            _fail(
                SchemaError,
                item,
                index,
                "style",
                "'natural' without unit '%'",
                "unit '%' for natural style",
            )
        return
    for name in ("value", "min", "max"):
        number = getattr(fact, name)
        if number is not None and not 0 <= number <= 100:
            _fail(SchemaError, item, index, name, show(number), "a percentage from 0 to 100")


def _given(fact: models.FactRow, form: str) -> bool:
    attribute = {"from": "from_"}.get(form, form)
    return getattr(fact, attribute) is not None


def _fact_figure(parsed: Mapping[str, Parsed], index: int, fact: models.FactRow) -> Figure:
    style = fact.style or "number"
    if fact.from_ is None:
        return Figure(
            value=fact.value,
            low=fact.min,
            high=fact.max,
            text=fact.text,
            unit=fact.unit or "",
            qualifier=fact.qualifier,
            style=style,
            per=fact.per,
            tel=fact.tel,
            source=fact.source,
            source_note=fact.source_note,
        )
    base = _borrowed(parsed, index, fact)
    if style == "natural" and base.unit != "%":
        _fail(
            SchemaError,
            parsed["facts"],
            index,
            "style",
            f"'natural' for {fact.from_}",
            "a percentage to show as 1 in N",
        )
    return Figure(**{**base.__dict__, "qualifier": fact.qualifier, "style": style, "per": fact.per})


def _borrowed(parsed: Mapping[str, Parsed], index: int, fact: models.FactRow) -> Figure:
    """The figure a `from: key.row.field` reference points at."""
    facts = parsed["facts"]
    key, row_id, field = fact.from_.split(".")
    tables = {
        k: p for k, p in parsed.items() if p.dataset.rows and hasattr(p.dataset.model, "FIGURES")
    }
    if key not in tables:
        _fail(
            UnknownReferenceError,
            facts,
            index,
            "from",
            show(key),
            f"a file key: {closest(key, tables)}",
        )
    rows = {row.id: row for row in tables[key].records}
    if row_id not in rows:
        _fail(
            UnknownReferenceError,
            facts,
            index,
            "from",
            show(row_id),
            f"a row of {key}: {closest(row_id, rows)}",
        )
    figures = type(rows[row_id]).FIGURES
    value = getattr(rows[row_id], field, None) if field in figures else None
    if value is None:
        expected = f"a figure field of {key}: {closest(field, figures)}"
        _fail(UnknownReferenceError, facts, index, "from", show(field), expected)
    return figure_of(rows[row_id], field)


def _xrefs(item: Parsed) -> None:
    xrefs: models.Xrefs = item.records[0]
    seen: set[str] = set()
    for position, topic in enumerate(xrefs.topics):
        if topic.id in seen:
            problem = Problem(
                item.label, "a unique id", show(topic.id), f"topics item {position + 1}"
            )
            raise DuplicateIdError(_in_section(problem, item, "topics", position, "id"))
        seen.add(topic.id)
    for position, rule in enumerate(xrefs.required_links):
        for name in rule.topics:
            if name not in seen:
                row = f"required_links item {position + 1} ({rule.page})"
                problem = Problem(item.label, f"a topic id: {closest(name, seen)}", show(name), row)
                raise UnknownReferenceError(
                    _in_section(problem, item, "required_links", position, "topics")
                )


def _in_section(problem: Problem, item: Parsed, section: str, index: int, field: str) -> Problem:
    lines = item.sections.get(section, ())
    line = lines[index].of(field) if index < len(lines) else None
    return dataclasses.replace(problem, field=field, line=line)

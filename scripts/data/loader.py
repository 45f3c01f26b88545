"""Load every data file once, validate it, and return typed records.

Every problem found is reported at once (one typed error, or DataErrors for
several; see errors.py); nothing is dropped or defaulted to keep going.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ValidationError

from scripts.data import checks, models
from scripts.data.datasets import DATASETS, Dataset
from scripts.data.errors import DataError, Problem, SchemaError, raise_all
from scripts.data.figures import Figure
from scripts.data.schema_errors import problems, show
from scripts.data.yamlfile import Lines, YamlDocument, read_yaml, row_label


@dataclass(frozen=True)
class Parsed:
    """One validated file: its rows (or single record) and where each row sits."""

    dataset: Dataset
    label: str
    records: tuple[Any, ...]
    lines: tuple[Lines, ...]
    # For a single-mapping file (xrefs.yml): the lines of each list inside it.
    sections: Mapping[str, tuple[Lines, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteData:
    """Everything the macros show, validated."""

    sources: Mapping[str, models.SourceRow]
    tables: Mapping[str, tuple[BaseModel, ...]]
    facts: Mapping[str, Figure]
    glossary: tuple[models.GlossaryRow, ...]
    crisis_lines: tuple[models.CrisisLineRow, ...]
    xrefs: models.Xrefs
    # Newest first: what the "What's new" page and the feed list.
    changes: tuple[models.ChangeRow, ...] = ()

    @property
    def topics(self) -> dict[str, models.XrefTopic]:
        """The cross-reference topics by id."""
        return {topic.id: topic for topic in self.xrefs.topics}


def load_site_data(project_dir: Path) -> SiteData:
    """Read data/*.yml under `project_dir`, validate everything, return the records."""
    errors: list[DataError] = list(unregistered_files(project_dir))
    parsed = {}
    for dataset in DATASETS:
        try:
            parsed[dataset.key] = parse_dataset(project_dir, dataset)
        except DataError as error:
            errors.append(error)
    errors.extend(checks.check_all(parsed))
    # Facts borrow figures from other files, so they are resolved only from valid data.
    raise_all(errors)
    facts = checks.resolve_facts(parsed)
    rows = {key: p.records for key, p in parsed.items() if p.dataset.rows}
    return SiteData(
        sources=MappingProxyType({row.id: row for row in rows["sources"]}),
        tables=MappingProxyType(rows),
        facts=MappingProxyType(facts),
        glossary=rows["glossary"],
        crisis_lines=rows["crisis_lines"],
        xrefs=parsed["xrefs"].records[0],
        changes=tuple(sorted(rows["changes"], key=lambda change: change.date, reverse=True)),
    )


def readable_source_ids(project_dir: Path) -> set[str] | None:
    """The ids in data/sources.yml when that file reads, whatever is wrong elsewhere, so
    pages can still be checked against them; None when it does not (its errors say why)."""
    try:
        document = read_yaml(project_dir / "data" / "sources.yml", "data/sources.yml")
    except DataError:
        return None
    rows = document.data.get("sources") if isinstance(document.data, dict) else None
    if not isinstance(rows, list):
        return None
    return {str(row["id"]) for row in rows if isinstance(row, dict) and "id" in row}


def unregistered_files(project_dir: Path) -> list[DataError]:
    """A data file the site does not know is never validated or shown: say so, not nothing."""
    known = [dataset.file for dataset in DATASETS]
    errors: list[DataError] = []
    for path in sorted((project_dir / "data").glob("*.y*ml")):
        if path.name not in known:
            expected = (
                f"only the files the site reads ({', '.join(known)}); "
                "a new kind of data needs a schema in scripts/data/datasets.py"
            )
            found = "a data file the site does not read"
            errors.append(SchemaError(Problem(f"data/{path.name}", expected, found, line=1)))
    return errors


def parse_dataset(project_dir: Path, dataset: Dataset) -> Parsed:
    """Read and schema-check one file, reporting every bad row."""
    label = f"data/{dataset.file}"
    document = read_yaml(project_dir / "data" / dataset.file, label)
    payload = _payload(document, dataset)
    if not dataset.rows:
        sections = {name: tuple(document.row_lines(dataset.key, name)) for name in payload}
        record = _validate(dataset.model, payload, label, "", _section_line(sections))
        return Parsed(dataset, label, (record,), (), MappingProxyType(sections))
    lines = document.row_lines(dataset.key)
    records, errors = [], []
    for i, item in enumerate(payload):
        try:
            row_lines = lines[i] if i < len(lines) else None
            row = row_label(item.get("id") if isinstance(item, dict) else None, i)
            records.append(_validate(dataset.model, item, label, row, row_lines))
        except DataError as error:
            errors.append(error)
    raise_all(errors)
    return Parsed(dataset, label, tuple(records), tuple(lines))


def _payload(document: YamlDocument, dataset: Dataset) -> Any:
    data = document.data
    line = document.root.start_mark.line + 1
    if not isinstance(data, dict) or list(data) != [dataset.key]:
        found = f"top-level keys {list(data)}" if isinstance(data, dict) else show(data)
        expected = f"one top-level key '{dataset.key}'"
        raise SchemaError(Problem(document.label, expected, found, line=line))
    payload = data[dataset.key]
    if not isinstance(payload, list if dataset.rows else dict) or not payload:
        shape = "a non-empty list of rows" if dataset.rows else "a mapping"
        problem = Problem(document.label, shape, show(payload), field=dataset.key, line=line)
        raise SchemaError(problem)
    return payload


def _section_line(sections: Mapping[str, tuple[Lines, ...]]) -> Callable[[str], int | None]:
    """Line lookup for a field path such as topics[3].page."""

    def line_of(field: str) -> int | None:
        match = re.match(r"(\w+)\[(\d+)\]\.?(.*)", field)
        if not match or match.group(1) not in sections:
            return None
        lines = sections[match.group(1)]
        index = int(match.group(2))
        return lines[index].of(match.group(3) or "") if index < len(lines) else None

    return line_of


def _validate(
    model: type[BaseModel],
    item: Any,
    label: str,
    row: str,
    lines: Lines | Callable[[str], int | None] | None,
) -> BaseModel:
    try:
        return model.model_validate(item)
    except ValidationError as error:
        line_of = lines.of if isinstance(lines, Lines) else lines
        raw_of = lines.raw_of if isinstance(lines, Lines) else None
        found = problems(error, model, label, row, line_of, raw_of)
        raise_all([SchemaError(problem) for problem in found])
        raise  # not reached: pydantic never fails without an error

"""Turn a pydantic ValidationError into one `Problem` an editor can act on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from scripts.data.errors import Problem
from scripts.names import nearest

DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def show(value: Any) -> str:
    """A found value as the editor typed it: strings quoted, long values cut short.

    Never a Python repr: editors read "nothing", "a list of 3 items" or a
    plain date, not None, [...] or datetime.datetime(...).
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        text = f"'{value}'" if value.strip() else "an empty value"
        text += _invisible(value)
    elif isinstance(value, dt.datetime):
        text = f"{value.isoformat(sep=' ')} (a date with a time)"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif value == []:
        text = "an empty list"
    elif isinstance(value, list):
        text = f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    elif isinstance(value, dict):
        text = f"a mapping with the keys {', '.join(map(str, value))}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _invisible(value: str) -> str:
    """Name the characters an editor cannot see in a value (they make "30" not a number)."""
    named = [
        name
        for char, name in (("\u00a0", "a non-breaking space"), ("\t", "a tab"))
        if char in value
    ]
    return f" (with {' and '.join(named)})" if named else ""


def converted(value: Any) -> str | None:
    """What YAML turned an unquoted value into ("a number"), when text was expected."""
    if isinstance(value, bool):
        return "the boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    return None


def problems(
    error: ValidationError,
    model: type[BaseModel],
    file: str,
    row: str,
    line_of: Any,
    raw_of: Callable[[str], str | None] | None = None,
) -> list[Problem]:
    """One problem per field: pydantic reports a union field once per member."""
    found: dict[str, Problem] = {}
    missing: list[str] = []
    for detail in error.errors():
        problem = _problem(detail, model, file, row, line_of, raw_of)
        if problem.field not in found and detail["type"] == "missing":
            missing.append(problem.field)
        found.setdefault(problem.field, problem)
    return _misspelt_keys_as_one(found, missing)


def _misspelt_keys_as_one(found: dict[str, Problem], missing: list[str]) -> list[Problem]:
    """A misspelt key (`percentage:` for `percent:`) is both unknown and missing: one problem,
    at the misspelt key's line, naming the key meant."""
    for field, problem in list(found.items()):
        if not problem.found.startswith("the unknown key "):
            continue
        parent, _, key = field.rpartition(".")
        siblings = {m.rpartition(".")[2]: m for m in missing if m.rpartition(".")[0] == parent}
        near = nearest(key, siblings)
        if near and siblings[near[0]] in found:
            del found[siblings[near[0]]]
            meant = f"the key '{near[0]}', which this row is missing"
            found[field] = dataclasses.replace(problem, expected=meant)
    return list(found.values())


def _problem(
    detail: Any,
    model: type[BaseModel],
    file: str,
    row: str,
    line_of: Any,
    raw_of: Callable[[str], str | None] | None,
) -> Problem:
    path, info, inner = _walk(model, detail["loc"])
    field = ".".join(path)
    kind = detail["type"]
    if kind == "missing":
        expected, found = f"a value ({_describe(info)})", "nothing"
    elif kind == "extra_forbidden":
        key = str(detail["loc"][-1])
        field = ".".join([*path, key])
        expected = f"only these keys: {', '.join(_fields_by_key(inner))}"
        found = f"the unknown key '{key}'"
    elif kind == "plain_text":  # models.plain_text: the context says what markup it found
        expected, found = detail["ctx"]["expected"], detail["ctx"]["found"]
    else:
        raw = raw_of(field) if raw_of else None
        expected, found = _found_expected(kind, detail["input"], _describe(info), raw)
    return Problem(file, expected, found, row, field, line_of(field) if line_of else None)


def _found_expected(kind: str, value: Any, expected: str, raw: str | None) -> tuple[str, str]:
    """(expected, found), explaining what YAML did to an unquoted value when that is the cause."""
    written = raw if raw is not None else show(value)
    if isinstance(value, float) and not math.isfinite(value):
        what = "not a number" if math.isnan(value) else "infinity"
        return f"{expected} (a finite figure)", f"{written}, which YAML reads as {what}"
    if kind == "string_type" and converted(value):
        return (
            f"{expected}, written in quotes ('{written}')",
            f"{written}, which YAML read as {converted(value)}"
            + ("" if written == show(value) else f" {show(value)}"),
        )
    if kind.startswith("date") and isinstance(value, str) and DATE_TEXT.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return expected, f"{value}, a date that does not exist"
        return f"{expected}, without quotes", f"'{value}' in quotes (so it is text, not a date)"
    return expected, show(value)


def _walk(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[list[str], Any, Any]:
    """Map a pydantic location to the YAML key path, skipping union-member tags; also the
    field's info and the model it holds (whose keys an unknown key should have been)."""
    path: list[str] = []
    info = None
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            path[-1:] = [f"{path[-1]}[{part}]"] if path else [f"[{part}]"]
            continue
        fields = _fields_by_key(current)
        if part not in fields:
            break  # a union member's tag (int, literal[...]) or an unknown key
        info = fields[part]
        path.append(part)
        current = _model_in(info.annotation)
    return path, info, current


def _fields_by_key(model: Any) -> dict[str, Any]:
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {(f.alias or name): f for name, f in model.model_fields.items()}


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation (list[XrefTopic] -> XrefTopic), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _describe(info: Any) -> str:
    return (info.description if info is not None else None) or "a valid value"

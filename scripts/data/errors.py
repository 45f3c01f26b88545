"""Typed errors of the data layer.

Each error carries a `Problem` (file, row, field, found, expected) so tests
can assert on the parts, and the MkDocs edge can print one clean line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str
    expected: str
    found: str = ""
    row: str = ""
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.row:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field '{self.field}'")
        found = f"found {self.found}, " if self.found else ""
        return f"{', '.join(parts)}: {found}expected {self.expected}"


class DataError(Exception):
    """Base class: the data (or a page's use of it) cannot be trusted."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem this error reports (one, except for `DataErrors`)."""
        return (self.problem,)


class DataErrors(DataError):
    """Several problems found in one pass, reported together, one line each.

    Editors fix a batch of mistakes in one go instead of one per run.
    """

    def __init__(self, errors: Sequence[DataError]) -> None:
        self.errors = tuple(errors)  # single errors only: raise_all, the one maker, flattens
        super().__init__(self.errors[0].problem)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem of every gathered error, in order."""
        return tuple(error.problem for error in self.errors)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def raise_all(errors: Sequence[DataError]) -> None:
    """Raise nothing, the one error itself (its type tells what went wrong), or all of them."""
    flat = [inner for error in errors for inner in getattr(error, "errors", (error,))]
    if len(flat) == 1:
        raise flat[0]
    if flat:
        raise DataErrors(flat)


# The attribute of a log record that carries the problems it reports, so an in-process build
# (make check) reads them as values instead of parsing the printed line back.
LOG_ATTRIBUTE = "project_problems"
ProblemLine = tuple[Problem, str]  # a problem and the line of text that reports it


def problem_lines(error: DataError) -> list[ProblemLine]:
    """Each problem of `error`, with the text that reports it (one line each)."""
    return [(inner.problem, str(inner)) for inner in getattr(error, "errors", (error,))]


def log_extra(lines: Sequence[ProblemLine]) -> dict[str, tuple[ProblemLine, ...]]:
    """The `extra` of a log call reporting `lines`."""
    return {LOG_ATTRIBUTE: tuple(lines)}


def logged_problem(record: object) -> tuple[ProblemLine, ...] | None:
    """The problems a log record reports, when the project logged it; else None."""
    return getattr(record, LOG_ATTRIBUTE, None)


class YamlSyntaxError(DataError):
    """A data file is not valid YAML."""


class EncodingError(DataError):
    """A data file or page is not saved as UTF-8 (Windows-1252, for example)."""


class EmptyFileError(DataError):
    """A data file holds nothing (or only comments)."""


class MissingFileError(DataError):
    """A data file the site needs, or that mkdocs.yml lists, does not exist."""


class SchemaError(DataError):
    """A row has an unknown key, a missing field, a wrong type or a value out of range."""


class DuplicateIdError(DataError):
    """Two rows of one file share an id."""


class UnknownReferenceError(DataError):
    """A row points at a source, row or field that does not exist."""


class FrontMatterError(DataError):
    """A page's front matter is missing a field or has a bad value."""


class UnknownNameError(DataError):
    """A page calls a macro with a table, chart, topic, source or fact name that does not exist."""


class PageUsageError(DataError):
    """A page asks a macro for something the data cannot show truthfully (a figure whose
    share "1 in N" would misstate)."""


class MacroSyntaxError(DataError):
    """A page's {{ ... }} or {% ... %} is not valid template syntax."""

    def __str__(self) -> str:
        # Jinja's own words already say what it expected; the Problem layout would repeat it.
        where, problem = f"{self.problem.file}:{self.problem.line}", self.problem
        return f"{where}, macro syntax error: {problem.found} ({problem.expected})"

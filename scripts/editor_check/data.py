"""Data validation through the data layer's own loader, so its located errors come through."""

from __future__ import annotations

from pathlib import Path

from scripts.editor_check.findings import Finding


def validate(root: Path) -> list[Finding]:
    """Load and validate data/*.yml under `root` the way the build does."""
    from scripts.data.errors import DataError
    from scripts.data.loader import load_site_data

    try:
        load_site_data(root)
    except DataError as error:
        return [problem_finding(error.problem)]
    return []


def problem_finding(problem) -> Finding:
    """A data-layer `Problem` as a finding: its file and line, then row, field, found, expected."""
    where = []
    if problem.row:
        where.append(f"row {problem.row}")
    if problem.field:
        where.append(f"field '{problem.field}'")
    found = f"found {problem.found}, " if problem.found else ""
    prefix = f"{', '.join(where)}: " if where else ""
    message = f"{prefix}{found}expected {problem.expected}"
    return Finding(problem.file, problem.line or 1, message, "data")

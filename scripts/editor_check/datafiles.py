"""Data validation through the data layer's own checks, so its located errors come through.

The build runs the same checks but stops at the first problem; here every
page's front matter is checked on its own, so each bad page gets its message.
"""

from __future__ import annotations

from pathlib import Path

from scripts.data import DataError, Problem, load_site_data
from scripts.data.loader import readable_source_ids
from scripts.editor_check.mistakes import Mistake
from scripts.pages.frontmatter import check_pages


def validate(root: Path) -> list[Mistake]:
    """Problems in data/*.yml and in the front matter of docs/**/*.md under `root`."""
    source_ids: set[str] | None
    try:
        source_ids = set(load_site_data(root).sources)
        found: list[Mistake] = []
    except DataError as error:
        found = [problem_finding(problem) for problem in error.problems]
        source_ids = readable_source_ids(root)
    if source_ids is not None:
        try:
            check_pages(root / "docs", source_ids)
        except DataError as error:
            found.extend(problem_finding(problem) for problem in error.problems)
    return found


def problem_finding(problem: Problem) -> Mistake:
    """A data-layer `Problem` as a finding: its file and line, then row, field, found, expected."""
    return Mistake(problem.file, problem.line or 1, unlocated(problem, str(problem)), "data")


def unlocated(problem: Problem, text: str) -> str:
    """`text`, the words reporting `problem`, without the location the finding already shows."""
    where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
    return text.removeprefix(f"{where}, ").removeprefix(f"{where}: ")

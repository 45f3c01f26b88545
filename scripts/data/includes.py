"""Check mkdocs.yml's `include_yaml` list against the data files.

mkdocs-macros skips a listed file that does not exist without failing, so
the build checks the list itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scripts.data.datasets import data_paths
from scripts.data.errors import MissingFileError, Problem, SchemaError
from scripts.data.schema_errors import show

CONFIG = "mkdocs.yml"
FIELD = "plugins.macros.include_yaml"


def check_include_yaml(project_dir: Path, entries: Sequence[object]) -> None:
    """Every entry is a plain path to an existing data file the site knows."""
    known = data_paths()
    for index, entry in enumerate(entries):
        row = f"item {index + 1}"
        if not isinstance(entry, str):
            expected = "a plain path such as data/effects.yml (Zensical reads plain lists)"
            raise SchemaError(Problem(CONFIG, expected, show(entry), row, FIELD))
        if not (project_dir / entry).is_file():
            raise MissingFileError(
                Problem(CONFIG, "the listed file to exist", f"no file {entry}", row, FIELD)
            )
        if entry not in known:
            raise SchemaError(
                Problem(CONFIG, f"one of {', '.join(known)}", show(entry), row, FIELD)
            )

"""Check mkdocs.yml's `include_yaml` list against the data files.

mkdocs-macros skips a listed file that does not exist without failing, so
the build checks the list itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from scripts.config import CONFIG_FILE as CONFIG
from scripts.config import config_line
from scripts.data.datasets import data_paths
from scripts.data.errors import DataError, MissingFileError, Problem, SchemaError, raise_all
from scripts.data.schema_errors import show
from scripts.data.yamlfile import read_yaml

FIELD = "plugins.macros.include_yaml"


def check_include_yaml(project_dir: Path, entries: Sequence[object]) -> None:
    """Every entry is a plain path to an existing data file the site knows; all problems at once."""
    known = data_paths()
    errors: list[DataError] = []
    for index, entry in enumerate(entries):
        row = f"item {index + 1}"
        if not isinstance(entry, str):
            expected = "a plain path such as data/effects.yml (Zensical reads plain lists)"
            errors.append(SchemaError(Problem(CONFIG, expected, show(entry), row, FIELD)))
            continue
        # The line of mkdocs.yml that lists the entry, so the editor can go there.
        line = config_line(
            project_dir, re.compile(rf"^\s*-\s*['\"]?{re.escape(entry)}['\"]?\s*(#.*)?$")
        )
        if not (project_dir / entry).is_file():
            found = f"no file {entry}"
            problem = Problem(CONFIG, "the listed file to exist", found, row, FIELD, line)
            errors.append(MissingFileError(problem))
        elif entry not in known:
            expected = (
                f"one of {', '.join(known)}: the site reads only these files, "
                "and a new kind of data needs a schema in scripts/data/datasets.py"
            )
            errors.append(SchemaError(Problem(CONFIG, expected, show(entry), row, FIELD, line)))
    raise_all(errors)


def parse_include_yaml(project_dir: Path, entries: Sequence[object]) -> None:
    """Parse each listed data file with the site's reader, so a YAML syntax error is one
    line naming the file and the line. Missing files and non-path entries are
    check_include_yaml's to report. MkDocs runs this first, from scripts/preflight.py;
    define_env runs it too, as Zensical has no hooks."""
    for entry in entries:
        if isinstance(entry, str) and (project_dir / entry).is_file():
            read_yaml(project_dir / entry, entry)

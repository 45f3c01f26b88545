"""MkDocs hook: a YAML syntax error in a data file, or a link MkDocs cannot parse, stops the
build in one line each.

mkdocs-macros parses every `include_yaml` file itself, before `define_env`
runs, so a syntax error there would surface as a Python traceback. This hook
runs first (high event priority) and parses the same files with the site's
own reader, which names the file and line. Everything beyond syntax is still
checked once, in `define_env`, which also runs the same parse for Zensical
(it has no hooks; see README.md, "Pinned versions and the road to Zensical").

A link whose host urllib cannot read (`http://[bad/`) would end MkDocs' own link rewriting in
a traceback, so the pages are searched for one before any page renders, with the rule
`make check` names them by.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.config.includes import parse_include_yaml
from scripts.data.errors import DataError, log_extra
from scripts.pages.locate import malformed_address_problems

log = logging.getLogger("mkdocs")


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """MkDocs hook: read each include_yaml file first; a YAML problem stops the build."""
    project = Path(config.config_file_path).parent
    macros = config.plugins.get("macros")
    entries = macros.config["include_yaml"] if macros is not None else []
    try:
        parse_include_yaml(project, entries)
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs hook: every link address in the pages that MkDocs cannot parse stops the build,
    each named with its file and line."""
    project = Path(config.config_file_path).parent
    problems = [
        problem
        for page in files.documentation_pages()
        if page.abs_src_path is not None
        for problem in malformed_address_problems(
            Path(page.abs_src_path), _shown(Path(page.abs_src_path), project)
        )
    ]
    if not problems:
        return files
    # One line each: the first ones logged (the record carries the problem, so `make check`
    # reads it as a value), the last one raised, which MkDocs prints as one line.
    *others, last = problems
    for problem in others:
        log.error(str(problem), extra=log_extra([(problem, str(problem))]))
    raise PluginError(str(last)) from DataError(last)


def _shown(path: Path, project: Path) -> str:
    """`path` as editors write it: relative to the project (docs/page.md)."""
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()

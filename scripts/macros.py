"""Registrar for mkdocs-macros (`module_name: scripts/macros` in mkdocs.yml).

It loads and validates the data once, checks every page's front matter,
writes the glossary tooltips snippet and registers the public macros. The
work itself lives in scripts/data (loading) and scripts/render (HTML).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from scripts.config.includes import check_include_yaml
from scripts.data import DataError, load_site_data
from scripts.data.datasets import DATASETS
from scripts.data.errors import PageUsageError, UnknownNameError, log_extra, problem_lines
from scripts.pages.frontmatter import check_pages
from scripts.pages.templates import check_template_names, page_environment
from scripts.render.api import PUBLIC_MACROS, SiteMacros
from scripts.render.arguments import MacroArgumentError, MacroUsage
from scripts.render.boxes import abbreviations

if TYPE_CHECKING:
    from types import FrameType

    from mkdocs_macros.plugin import MacrosPlugin

SNIPPET = Path(".cache/snippets/abbreviations.md")
log = logging.getLogger("mkdocs")


def define_env(env: MacrosPlugin) -> None:
    """Called once by mkdocs-macros when the build starts."""
    project = Path(env.project_dir)
    try:
        check_include_yaml(project, env.config["include_yaml"])
        data = load_site_data(project)
        check_pages(Path(env.conf["docs_dir"]), data.sources)
    except DataError as error:
        # MkDocs prints a PluginError as one "ERROR - ..." line, then aborts with exit code 1;
        # the other problems found in the same pass are logged first, one line each.
        *others, last = problem_lines(error)
        for problem in others:
            log.error(problem[1], extra=log_extra([problem]))
        raise PluginError(last[1]) from None
    write_if_changed(project / SNIPPET, abbreviations(data.glossary))
    _drop_raw_variables(env)
    macros = SiteMacros(
        data,
        lambda: env.page.file.src_uri,
        env.conf["use_directory_urls"],
        lambda: env.page.meta.get("sources", []),
    )
    for name in PUBLIC_MACROS:
        # mkdocs-macros ships no type hints, so mypy sees its methods as untyped.
        env.macro(  # type: ignore[no-untyped-call]
            stop_build_on_data_error(getattr(macros, name), env), name
        )
    try:
        # The plugin makes its own environment only after define_env returns.
        parse = page_environment(env.config).parse
        check_template_names(Path(env.conf["docs_dir"]), _defined_names(env), parse)
    except DataError as error:
        raise PluginError(str(error)) from None


def _defined_names(env: MacrosPlugin) -> set[str]:
    """Every name define_env knows a page may use: our macros and the plugin's variables."""
    return set(env.macros) | set(env.variables)


def stop_build_on_data_error(macro: Callable[..., str], env: MacrosPlugin) -> Callable[..., str]:
    """Report a DataError or a wrong call raised while a page renders as one error line, and
    render nothing.

    Raising would reach mkdocs-macros, which prints a traceback and, with
    on_error_fail, calls exit(): that would also stop `mkdocs serve` at an
    editor's first typo. An error logged instead fails a strict build at its
    end (exit code 1) and fails only that rebuild of the preview. The page
    gets no error text either way.
    """

    usage = MacroUsage(macro)

    @functools.wraps(macro)
    def call(*args: object, **kwargs: object) -> str:
        try:
            usage.check(args, kwargs)
            return macro(*args, **kwargs)
        except MacroArgumentError as error:
            page = env.page.file
            problem = error.problem_at(f"docs/{page.src_uri}", _rendering_line(env))
            log.error(str(problem), extra=log_extra([(problem, str(problem))]))
            return ""
        except (UnknownNameError, PageUsageError) as error:
            line = _rendering_line(env) or _line_of(env, error.problem.found)
            located = dataclasses.replace(error.problem, line=line)
            log.error(str(located), extra=log_extra([(located, str(located))]))
            return ""
        except DataError as error:
            log.error(str(error), extra=log_extra(problem_lines(error)))
            return ""

    return call


def _rendering_line(env: MacrosPlugin) -> int | None:
    """The line of the page's source that Jinja is rendering now (a macro is running).

    Jinja gives a macro no location, but its compiled templates keep a line map,
    reached through the `__jinja_template__` global of their frames (how Jinja's
    own tracebacks find template lines)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            body_line: int = template.get_corresponding_lineno(frame.f_lineno)
            source = env.page.file.content_string
            body, _ = get_data(source)
            return body_line + source.count("\n") - body.count("\n")
        frame = frame.f_back
    return None


def _line_of(env: MacrosPlugin, found: str) -> int | None:
    """The line of the page's source where the unknown name is written, if it can be found."""
    name = re.escape(found.strip("'\""))
    source = env.page.file.content_string
    match = re.search(rf"""["']{name}["']""", source)
    return source.count("\n", 0, match.start()) + 1 if match else None


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` unless the file already holds it; `mkdocs serve` would loop otherwise."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _drop_raw_variables(env: MacrosPlugin) -> None:
    """Remove the unchecked copies include_yaml put into the page variables.

    Pages reach the data only through the macros, which use the validated
    records; and the raw `glossary` list would hide the glossary() macro.
    """
    for dataset in DATASETS:
        env.variables.pop(dataset.key, None)

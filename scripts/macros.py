"""Registrar for the macros of MkDocs (mkdocs-macros) and Zensical (`module_name: scripts/macros`).

It loads and validates the data once, checks every page's front matter,
writes the glossary tooltips snippet and registers the public macros. The
work itself lives in scripts/data (loading) and scripts/render (HTML).

Both engines load this file and call define_env: MkDocs once per build,
Zensical before every page (so the work is cached in scripts/data/once.py).
Nothing from either engine is imported at module level, and what differs
between them (where the page's path is, how raw HTML links are read, how a
build is stopped) is decided here and nowhere else.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import functools
import logging
import os
import re
import sys
import threading
from collections.abc import Callable, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from scripts.config.includes import check_include_yaml, parse_include_yaml
from scripts.data import DataError, SiteData, load_site_data
from scripts.data.datasets import DATASETS
from scripts.data.errors import (
    PageUsageError,
    ProblemLine,
    UnknownNameError,
    log_extra,
    problem_lines,
)
from scripts.data.once import once
from scripts.pages.frontmatter import check_pages, read_front_matter
from scripts.pages.templates import check_template_names, page_environment
from scripts.render.api import PUBLIC_MACROS, SiteMacros
from scripts.render.arguments import MacroArgumentError, MacroUsage
from scripts.render.boxes import abbreviations
from scripts.render.numbers import long_date

if TYPE_CHECKING:
    from types import FrameType

    from mkdocs_macros.plugin import MacrosPlugin

# Build output, ignored by git. Not .cache/: Zensical keeps its own cache there and
# `zensical build --clean` empties it while the build reads the snippet.
SNIPPET = Path(".build/snippets/abbreviations.md")
log = logging.getLogger("mkdocs")


class BuildStopped(Exception):
    """The site cannot be built as it is: the message names the file, line and fix."""


def define_env(env: MacrosPlugin) -> None:
    """Called by the engine's macros: by MkDocs once when the build starts, by Zensical
    before every page (with that page in env.page)."""
    project = Path(env.project_dir)
    docs_dir = project / env.conf["docs_dir"]
    entries = list(env.config["include_yaml"])
    try:
        data = once(
            "data",
            _data_inputs(project, docs_dir),
            lambda: _load(project, docs_dir, entries),
            extra=repr(entries),
        )
    except DataError as error:
        # MkDocs prints a PluginError as one "ERROR - ..." line, then aborts with exit code 1;
        # the other problems found in the same pass are logged first, one line each.
        *others, last = problem_lines(error)
        _report_lines(others)
        _stop(env, last[1])
    write_if_changed(project / SNIPPET, abbreviations(data.glossary))
    # Pages reach the data only through the macros, which use the validated records: the
    # unchecked copies include_yaml put into the page variables go (the raw `glossary` list
    # would also hide the glossary() macro).
    for dataset in DATASETS:
        env.variables.pop(dataset.key, None)
    macros = SiteMacros(
        data,
        lambda: page_path(env.page),
        env.conf["use_directory_urls"],
        lambda: env.page.meta.get("sources", []),
        html_links_from_source=_engine(env) == "zensical",
    )
    for name in PUBLIC_MACROS:
        # mkdocs-macros ships no type hints, so mypy sees its methods as untyped.
        env.macro(  # type: ignore[no-untyped-call]
            stop_build_on_data_error(getattr(macros, name), env), name
        )
    try:
        # The plugin makes its own environment only after define_env returns.
        settings = {key: value for key, value in env.config.items() if key.startswith("j2_")}
        environment = page_environment(settings)
        names = set(env.macros) | set(env.variables)  # our macros and the plugin's variables
        once(
            "template names",
            docs_dir.rglob("*.md"),
            lambda: check_template_names(docs_dir, names, environment),
            extra=(frozenset(names), repr(sorted(settings.items()))),
        )
    except DataError as error:
        _stop(env, str(error))
    if _engine(env) == "zensical" and env.page is not None:
        show_review_dates(env.page.meta)  # Zensical calls define_env for this page


def on_pre_page_macros(env: MacrosPlugin) -> None:
    """Called by mkdocs-macros before each page; Zensical has no such call, so define_env
    does the same for the page it is called with."""
    show_review_dates(env.page.meta)


def show_review_dates(meta: MutableMapping[str, Any]) -> None:
    """Add the review dates as readers see them (3 June 2026) beside the page's front matter,
    for overrides/partials/page-trust.html: the engines' template languages share no date
    filter, and MiniJinja (Zensical) has no Python methods such as strftime."""
    for key in ("reviewed", "review_due"):
        value = meta.get(key)
        if isinstance(value, str):  # Zensical passes front-matter dates on as ISO text
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                continue  # check_pages has already refused it
        if isinstance(value, dt.date):
            meta[f"{key}_text"] = long_date(value)


def _load(project: Path, docs_dir: Path, entries: list[object]) -> SiteData:
    """Everything define_env checks before any page renders; raises DataError."""
    parse_include_yaml(project, entries)  # what scripts/preflight.py does for MkDocs
    check_include_yaml(project, entries)
    data = load_site_data(project)
    check_pages(docs_dir, data.sources)
    return data


def _data_inputs(project: Path, docs_dir: Path) -> list[Path]:
    """Every file _load reads: the data files, mkdocs.yml (for line numbers) and the pages."""
    data_files = [path for path in (project / "data").rglob("*") if path.is_file()]
    return [*data_files, project / "mkdocs.yml", *docs_dir.rglob("*.md")]


def _engine(env: object) -> str:
    """Which engine's macros called define_env: "zensical" or "mkdocs"."""
    return "zensical" if type(env).__module__.startswith("zensical") else "mkdocs"


def _stop(env: MacrosPlugin, message: str) -> NoReturn:
    """Stop the build at a problem found before any page renders.

    MkDocs prints the raised error as one line. Zensical would print a traceback around
    it, so `zensical build` prints the line and ends with exit code 1 itself; `zensical
    serve` gets the error raised, and keeps serving."""
    if _zensical_build(env):
        for line in message.splitlines():
            log.error(line)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    raise stop_build(message) from None


def _report(env: MacrosPlugin, lines: Sequence[ProblemLine]) -> None:
    """Log problems found while a page renders; the page gets no error text.

    MkDocs' strict mode fails the build at its end for a logged error. Zensical finishes
    with exit code 0 whatever was logged, so under `zensical build` the process is set to
    end with exit code 1 once the build is over, every problem reported by then."""
    _report_lines(lines)
    if _zensical_build(env):
        atexit.unregister(os._exit)  # once, however many problems
        atexit.register(os._exit, 1)


def _report_lines(lines: Sequence[ProblemLine]) -> None:
    """One error line per problem; the record carries the problem itself, so `make check`,
    which builds in-process, reads it as a value instead of parsing the line back."""
    for problem, text in lines:
        log.error(text, extra=log_extra([(problem, text)]))


def _zensical_build(env: MacrosPlugin) -> bool:
    """Whether this is `zensical build` (not `zensical serve`, nor MkDocs): the CLI's first
    argument is the command."""
    return _engine(env) == "zensical" and sys.argv[1:2] == ["build"]


def stop_build(message: str) -> Exception:
    """A BuildStopped for the engine to stop on. Under MkDocs it is also a PluginError,
    which MkDocs prints as one "ERROR - ..." line (any other exception as a traceback)."""
    try:
        from mkdocs.exceptions import PluginError  # only where MkDocs is installed
    except ImportError:
        return BuildStopped(message)
    return _with_plugin_error(PluginError)(message)


@functools.cache
def _with_plugin_error(plugin_error: type[Exception]) -> type[BuildStopped]:
    return type("BuildStopped", (BuildStopped, plugin_error), {})


def page_path(page: Any) -> str:
    """The page's path under docs/: MkDocs keeps it in page.file.src_uri, Zensical in page.path."""
    file = getattr(page, "file", None)
    return str(file.src_uri if file is not None else page.path)


def _page_source(env: MacrosPlugin) -> str:
    """The page's file as written (front matter included)."""
    file = getattr(env.page, "file", None)
    if file is not None:
        return str(file.content_string)
    # Zensical's page object has .path; MkDocs' Page type (the declared one) does not
    page_file: str = env.page.path  # type: ignore[attr-defined]
    docs: Path = Path(env.project_dir) / env.conf["docs_dir"]
    return (docs / page_file).read_text(encoding="utf-8")


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
            page = page_path(env.page)
            problem = error.problem_at(f"docs/{page}", _rendering_line(env))
            _report(env, [(problem, str(problem))])
            return ""
        except (UnknownNameError, PageUsageError) as error:
            line = _rendering_line(env) or _line_of(env, error.problem.found)
            located = dataclasses.replace(error.problem, line=line)
            _report(env, [(located, str(located))])
            return ""
        except DataError as error:
            _report(env, problem_lines(error))
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
            return body_line + read_front_matter(_page_source(env)).body_start
        frame = frame.f_back
    return None


def _line_of(env: MacrosPlugin, found: str) -> int | None:
    """The line of the page's source where the unknown name is written, if it can be found."""
    name = re.escape(found.strip("'\""))
    source = _page_source(env)
    match = re.search(rf"""["']{name}["']""", source)
    return source.count("\n", 0, match.start()) + 1 if match else None


def write_if_changed(path: Path, text: str) -> None:
    """Write `text` unless the file already holds it; `mkdocs serve` would loop otherwise.
    The new text is written aside and moved in, so a page rendered meanwhile (Zensical
    renders several at once) reads the old file or the new one, never half of one."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    aside.write_text(text, encoding="utf-8")
    os.replace(aside, path)

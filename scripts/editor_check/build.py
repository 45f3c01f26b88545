"""Run the strict MkDocs build in-process and turn what it reports into findings with a file
and a line: the project's own problems as typed values, MkDocs' and its plugins' warnings from
their log records."""

from __future__ import annotations

import logging
import os
import re
import traceback
from collections.abc import Callable
from contextlib import chdir
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from scripts.config import CONFIG_FILE as CONFIG
from scripts.config import config_line, config_or_empty, redirect_maps
from scripts.data.errors import DataError, Problem, logged_problem, problem_lines
from scripts.editor_check.datafiles import unlocated
from scripts.editor_check.mistakes import ANY, SAME_FILE, Mistake, relative
from scripts.names import nearest
from scripts.pages.locate import body_offset, link_line, malformed_address_problems, read_lines
from scripts.render.api import PUBLIC_MACROS

DOC = r"Doc file '(?P<page>[^']+)' contains"
Record = tuple[str, str]  # (level name, message) of one log record


def build(root: Path, site_dir: Path) -> tuple[bool, list[Mistake]]:
    """Build `root` strictly into `site_dir`; return whether it succeeded and its findings."""
    collector = _Collector()
    failure: BaseException | None = None
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    # What `mkdocs build --strict` does, without a process of its own. README.md records the
    # decision Material's end-of-life notice asks for.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        # pymdownx.snippets reads its base_path from the working folder, as the CLI has it.
        with chdir(root):
            config = load_config(str(root / CONFIG), strict=True, site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except (Exception, SystemExit) as error:  # mkdocs-macros calls exit() on a macro error
        failure = error
    finally:
        logger.removeHandler(collector)
    typed = list(dict.fromkeys([*collector.problems, *_problems_behind(failure)]))
    records = _without(collector.records, typed)
    # A configuration error reaches no log: MkDocs' command line prints it as `Error:`.
    if isinstance(failure, ConfigurationError) and not isinstance(failure, Abort):
        records.append(("ERROR", f"Error: {failure}"))
    findings = [_typed_finding(problem, text, root) for problem, text in typed]
    findings += findings_from_records(records, root)
    if failure is not None and not findings:
        findings = [_unexplained_failure(failure)]
    return failure is None, findings


class _Collector(logging.Handler):
    """Keeps the build's warnings and errors: the project's problems as the typed values the
    macros module logged them with, everything else as text."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[Record] = []
        self.problems: list[tuple[Problem, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        logged = logged_problem(record)
        if logged is not None:
            self.problems.extend(logged)
        else:
            self.records.append((record.levelname, record.getMessage()))


def _problems_behind(failure: BaseException | None) -> list[tuple[Problem, str]]:
    """The data layer's typed problems behind a failed build (the errors MkDocs wrapped)."""
    seen: set[int] = set()
    while failure is not None and id(failure) not in seen:
        seen.add(id(failure))
        if isinstance(failure, DataError):
            return problem_lines(failure)
        failure = failure.__cause__ or failure.__context__
    return []


def _without(records: list[Record], typed: list[tuple[Problem, str]]) -> list[Record]:
    """The records that are not the text of a problem already known as a typed value
    (MkDocs logs the message of the error that stopped the build)."""
    texts = {text for _, text in typed}
    return [
        (level, text)
        for level, text in records
        if text not in texts and not any(line in texts for line in text.splitlines())
    ]


def _typed_finding(problem: Problem, text: str, root: Path) -> Mistake:
    """A problem the project found, at its own file and line, in its own words."""
    message = " ".join(unlocated(problem, text).split())
    if problem.line is not None:
        return Mistake(problem.file, problem.line, message, "build")
    line = (
        _macro_call_line(root / problem.file, problem.found.strip("'\"")) if problem.found else None
    )
    return Mistake(problem.file, line or 1, message, "build", "strong" if line else SAME_FILE)


def findings_from_records(records: list[Record], root: Path) -> list[Mistake]:
    """Findings for every warning and error MkDocs and its plugins logged."""
    context = _Context(root)
    return [found for _, text in records for found in _translate(text, context)]


class _Context:
    """What the translators need to know about the repository being built."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.renamed = redirect_maps(config_or_empty(root))

    def page(self, name: str) -> str:
        return relative(self.docs / name, self.root)


def _translate(text: str, context: _Context) -> list[Mistake]:
    for pattern, handler in TRANSLATORS:
        match = re.search(pattern, text, re.S)
        if match:
            return handler(match, context)
    return [_other(text, context)]


def _missing_target(match: re.Match[str], context: _Context) -> list[Mistake]:
    page, target = match["page"], match["target"]
    path = target.split("#", 1)[0]
    new = context.renamed.get(Path(path).name) or context.renamed.get(path)
    if new:
        message = f"link to '{path}', a page that was renamed: link to '{new}' instead"
    else:
        message = f"broken link: '{target}' is not a page or file in docs/"
    return [_at_link(context, page, target, message)]


def _link(message: str) -> Translator:
    """A translator for a message about one link: `message` filled in with the match's groups."""

    def translate(match: re.Match[str], context: _Context) -> list[Mistake]:
        text = message.format_map(match.groupdict())
        return [_at_link(context, match["page"], match["target"], text)]

    return translate


def _at_link(context: _Context, page: str, target: str, message: str) -> Mistake:
    line = link_line(context.docs / page, target)
    weak = "strong" if line else SAME_FILE
    return Mistake(context.page(page), line or 1, message, "build", weak)


def _not_in_nav(match: re.Match[str], context: _Context) -> list[Mistake]:
    pages = re.findall(r"^\s+- (.+)$", match["pages"], re.M)
    message = "page is not in the navigation: add it under nav: in mkdocs.yml"
    return [Mistake(context.page(page.strip()), 1, message, "build") for page in pages]


def _nav_missing_page(match: re.Match[str], context: _Context) -> list[Mistake]:
    name = match["name"]
    message = f"the navigation lists '{name}', but there is no docs/{name}"
    line = config_line(context.root, name) or 1
    return [Mistake(CONFIG, line, message, "build", covers=name)]


def _redirect_missing_target(match: re.Match[str], context: _Context) -> list[Mistake]:
    name = match["name"]
    message = f"redirect to '{name}', which is not a page in docs/"
    return [Mistake(CONFIG, config_line(context.root, f": {name}") or 1, message, "build")]


def _config_error(match: re.Match[str], _context: _Context) -> list[Mistake]:
    lines = [int(n) for n in re.findall(r"line (\d+), column", match["detail"])]
    detail = " ".join(match["detail"].split())
    detail = re.sub(r'\s*in "[^"]*", line \d+, column \d+', "", detail)
    message = f"mkdocs.yml is not valid YAML: {detail}"
    return [Mistake(CONFIG, lines[-1] if lines else 1, message, "build")]


def _config_value(match: re.Match[str], context: _Context) -> list[Mistake]:
    key = match["key"].split(".")[0]
    line = config_line(context.root, f"{key}:") or 1
    return [Mistake(CONFIG, line, f"setting '{match['key']}': {match['detail'].strip()}", "build")]


def _macro_error(match: re.Match[str], context: _Context) -> list[Mistake]:
    """A page whose macros failed to render: name the page line the template points at."""
    text, page = match.string, match["page"]
    template_lines = re.findall(r'File "<template>", line (\d+)', text)
    syntax = re.search(r"_Line (\d+) in Markdown file:_ \*\*(.+?)\*\*", text)
    if syntax:
        line, message = int(syntax[1]), f"macro syntax error: {syntax[2]}"
    else:
        line = int(template_lines[-1]) if template_lines else 0
        message = _macro_message(text)
    number = line + body_offset(context.docs / page) if line else 1
    return [Mistake(context.page(page), number, message, "build", "strong" if line else SAME_FILE)]


def _macro_message(text: str) -> str:
    error = re.search(r"^_(?P<kind>(?!File_)\w+)_: (?P<message>.+)$", text, re.M)
    if not error:
        return "a macro failed to render"
    kind, message = error["kind"], error["message"].strip()
    undefined = re.fullmatch(r"'([^']+)' is undefined", message)
    if undefined:
        return f"unknown macro or variable '{undefined[1]}'{_did_you_mean(undefined[1])}"
    return message if kind in ("KeyError", "ValueError", "LookupError") else f"{kind}: {message}"


def _did_you_mean(name: str) -> str:
    """The public macros closest to a misspelled name, from the macros module's own list."""
    near = nearest(name, PUBLIC_MACROS, count=3)
    hint = f": did you mean {' or '.join(near)}?" if near else ""
    return hint + " (the macros are listed in data/README.md)"


def _page_read_error(match: re.Match[str], context: _Context) -> list[Mistake]:
    page = context.page(match["page"])
    # MkDocs stops with urllib's ValueError on a link whose host no URL parser can read
    # (scripts/preflight.py names them first, by the same rule, where the hook runs).
    bad = malformed_address_problems(context.root / page, page)
    if bad:
        return [_typed_finding(problem, str(problem), context.root) for problem in bad]
    detail = " ".join(match["detail"].split())
    return [Mistake(page, 1, detail, "build", SAME_FILE)]


def _macro_call_line(path: Path, name: str) -> int | None:
    """The first line calling a macro with the quoted `name` (or mentioning it at all)."""
    lines = list(enumerate(read_lines(path), start=1))
    needles = (f'"{name}"', f"'{name}'", name)
    return next((number for needle in needles for number, text in lines if needle in text), None)


def _other(text: str, context: _Context) -> Mistake:
    """A message no translator knows: keep its words, attach it to the page it names."""
    message = " ".join(text.split())
    page = re.search(r"'([^']+\.md)'", text)
    if page and (context.docs / page[1]).exists():
        return Mistake(context.page(page[1]), 1, message, "build", SAME_FILE)
    return Mistake(CONFIG, 1, f"build: {message}", "build", ANY)


def _unexplained_failure(failure: BaseException) -> Mistake:
    """The build stopped without a warning we understand: show its last words."""
    last = traceback.format_exception_only(failure)[-1].strip() or type(failure).__name__
    return Mistake(CONFIG, 1, f"the build failed: {last}", "build", ANY)


Translator = Callable[[re.Match[str], _Context], list[Mistake]]
TRANSLATORS: list[tuple[str, Translator]] = [
    (r"_Macro (?:Rendering|Syntax) Error_.*?_File_: `(?P<page>[^`]+)`", _macro_error),
    (
        DOC + r" a link '(?P<target>[^']+)', but the target is not found",
        _missing_target,
    ),
    (
        DOC + r" a link '(?P<target>[^']+)', but the doc '(?P<doc>[^']+)' does not contain "
        r"an anchor '#(?P<anchor>[^']+)'",
        _link("broken link: '{doc}' has no heading or anchor '#{anchor}'"),
    ),
    (
        DOC + r" a link '(?P<target>[^'#]*(?P<anchor>#[^']*))', but there is no such anchor",
        _link("broken link: this page has no heading or anchor '{anchor}'"),
    ),
    (
        DOC + r" an absolute link '(?P<target>[^']+)'",
        _link(
            "absolute link '{target}': link to the page's .md file instead, "
            "for example [Dosage](ketamine-infusion-dosage.md)"
        ),
    ),
    (
        DOC + r" an unrecognized relative link '(?P<target>[^']+)'",
        _link("link '{target}' does not name a page: link to the page's .md file"),
    ),
    (r"not included in the \"nav\" configuration:(?P<pages>.*)", _not_in_nav),
    (r"A reference to '(?P<name>[^']+)' is included in the 'nav' configuration", _nav_missing_page),
    (r"Redirect target '(?P<name>[^']+)' does not exist", _redirect_missing_target),
    (r"error parsing the configuration file:(?P<detail>.*)", _config_error),
    (r"Config value '(?P<key>[^']+)': (?P<detail>.*)", _config_value),
    (r"Error reading page '(?P<page>[^']+)':(?P<detail>.*)", _page_read_error),
]

"""Check the syntax and the names pages use in `{{ ... }}` before any page renders.

With `on_undefined: strict`, Jinja finds a misspelt name such as
`{{ tabel("methods") }}` only while rendering, and mkdocs-macros reports it
as a traceback and ends the build. A syntax error such as a missing bracket
it reports with a line counted from the end of the front matter, not from the
top of the file. Checking first gives the editor one line with the file, the
file's own line number and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError
from jinja2.defaults import DEFAULT_NAMESPACE

from scripts.data.checks import closest
from scripts.data.errors import DataError, MacroSyntaxError, Problem, UnknownNameError, raise_all
from scripts.pages.frontmatter import read_front_matter

# The first name inside {{ ... }}: a macro call or a variable.
EXPRESSION = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")
# Names a page defines for itself with {% set %}, {% for %} or {% macro %}.
DEFINED = re.compile(r"\{%-?\s*(?:set|for|macro)\s+([A-Za-z_]\w*)")
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
# mkdocs-macros adds these after define_env has run, or per page as it renders.
PER_PAGE = frozenset({"page", "navigation", "files", "macros", "filters", "filters_builtin"})
# Block tags that need an end tag; Jinja itself only notices at the end of the file.
BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "raw"})


def page_environment(macros_settings: Mapping[str, object]) -> Environment:
    """A Jinja environment with the delimiters mkdocs-macros uses for pages: its `j2_*`
    settings, read the way the plugin reads them, so a page parses here as in the build."""
    options: dict[str, Any] = {
        key.split("_", 1)[1]: value
        for key, value in macros_settings.items()
        if key.startswith("j2_") and value
    }
    return Environment(**options)


def check_template_names(
    docs_dir: Path, known: Iterable[str], environment: Environment | None = None
) -> None:
    """Raise if any page has a syntax error that `environment` (Jinja with the plugin's
    settings, page_environment) rejects, or a name nothing defines: MacroSyntaxError or
    UnknownNameError when there is one problem, DataErrors listing each when there are
    several."""
    names = set(known) | PER_PAGE | set(DEFAULT_NAMESPACE)
    errors: list[DataError] = []
    for path in sorted(docs_dir.rglob("*.md")):
        label = f"docs/{path.relative_to(docs_dir).as_posix()}"
        text = path.read_text(encoding="utf-8")
        syntax = _syntax_error(text, label, environment) if environment is not None else None
        # A page that does not parse cannot be trusted for names: report the syntax only.
        errors.extend([syntax] if syntax else _unknown_names(text, label, names))
    raise_all(errors)


def _syntax_error(text: str, label: str, environment: Environment) -> MacroSyntaxError | None:
    # The whole file is parsed, front matter included, so Jinja's line is the file's line.
    try:
        environment.parse(text)
    except TemplateSyntaxError as error:
        line, found, expected = _syntax_problem(text, error, environment)
        return MacroSyntaxError(Problem(label, expected, found, "", "", line))
    return None


def _syntax_problem(
    text: str, error: TemplateSyntaxError, environment: Environment
) -> tuple[int, str, str]:
    """(line, what is wrong, how to fix it): Jinja notices a missing }} or {% end... %} only
    where the text runs out, so point at the tag that was left open instead."""
    unclosed = _unclosed_print(text)
    if unclosed:
        expected = "close it on the same line: {{ name(...) }}"
        return unclosed, "{{ is not closed with }}", expected
    opened = _unclosed_block(text, environment)
    if opened:
        line, tag = opened
        return line, f"{{% {tag} %}} is never closed", f"add {{% end{tag} %}} where it should end"
    expected = "a macro call closed as {{ name(...) }}, and every {% ... %} block closed"
    return error.lineno, error.message or "", expected


def _unclosed_print(text: str) -> int | None:
    """The first line with more {{ than }}: macro calls never span lines in docs/."""
    text = RAW.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    lines = enumerate(text.splitlines(), start=1)
    return next((number for number, line in lines if line.count("{{") > line.count("}}")), None)


def _unclosed_block(text: str, environment: Environment) -> tuple[int, str] | None:
    """The line and name of the innermost block tag with no end tag, read from Jinja's
    own tokens (so its delimiters and raw blocks are honoured)."""
    stack: list[tuple[int, str]] = []
    after_open = False
    try:
        for line, kind, value in environment.lex(text):
            if kind == "whitespace":
                continue
            if kind == "block_begin":
                after_open = True
                continue
            if after_open and kind == "name":
                if value in BLOCK_TAGS:
                    stack.append((line, value))
                elif value.startswith("end") and stack and stack[-1][1] == value[3:]:
                    stack.pop()
            after_open = False
    except TemplateSyntaxError:
        return None
    return stack[-1] if stack else None


def _unknown_names(text: str, label: str, known: set[str]) -> list[DataError]:
    # Blank out raw blocks but keep their newlines, so line numbers stay right.
    text = RAW.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    # Front-matter keys become page variables; the front matter itself is checked elsewhere.
    defined = known | set(read_front_matter(text, label).values) | set(DEFINED.findall(text))
    choices = defined - PER_PAGE - set(DEFAULT_NAMESPACE)
    errors: list[DataError] = []
    for match in EXPRESSION.finditer(text):
        name = match.group(1)
        if name not in defined:
            line = text.count("\n", 0, match.start()) + 1
            expected = f"a macro or variable: {closest(name, choices)}"
            problem = Problem(label, expected, f"'{name}'", "", "macro name", line)
            errors.append(UnknownNameError(problem))
    return errors

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
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml
from jinja2 import TemplateSyntaxError
from jinja2.defaults import DEFAULT_NAMESPACE

from scripts.data.checks import closest
from scripts.data.errors import MacroSyntaxError, Problem, UnknownNameError

# The first name inside {{ ... }}: a macro call or a variable.
EXPRESSION = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")
# Names a page defines for itself with {% set %}, {% for %} or {% macro %}.
DEFINED = re.compile(r"\{%-?\s*(?:set|for|macro)\s+([A-Za-z_]\w*)")
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
# mkdocs-macros adds these after define_env has run, or per page as it renders.
PER_PAGE = frozenset({"page", "navigation", "files", "macros", "filters", "filters_builtin"})


def check_template_names(
    docs_dir: Path, known: Iterable[str], parse: Callable[[str], object] | None = None
) -> None:
    """Raise MacroSyntaxError for the first page that `parse` (the plugin's Jinja
    environment's `parse`) rejects, or UnknownNameError for the first name nothing defines."""
    names = set(known) | PER_PAGE | set(DEFAULT_NAMESPACE)
    for path in sorted(docs_dir.rglob("*.md")):
        label = f"docs/{path.relative_to(docs_dir).as_posix()}"
        text = path.read_text(encoding="utf-8")
        if parse is not None:
            _check_syntax(text, label, parse)
        _check_page(text, label, names)


def _check_syntax(text: str, label: str, parse: Callable[[str], object]) -> None:
    # The whole file is parsed, front matter included, so Jinja's line is the file's line.
    try:
        parse(text)
    except TemplateSyntaxError as error:
        expected = "a macro call closed as {{ name(...) }}, and every {% ... %} block closed"
        problem = Problem(label, expected, error.message or "", "", "", error.lineno)
        raise MacroSyntaxError(problem) from None


def _check_page(text: str, label: str, known: set[str]) -> None:
    # Blank out raw blocks but keep their newlines, so line numbers stay right.
    text = RAW.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    defined = known | _front_matter_keys(text) | set(DEFINED.findall(text))
    for match in EXPRESSION.finditer(text):
        name = match.group(1)
        if name not in defined:
            line = text.count("\n", 0, match.start()) + 1
            expected = (
                f"a macro or variable: {closest(name, defined - PER_PAGE - set(DEFAULT_NAMESPACE))}"
            )
            raise UnknownNameError(Problem(label, expected, f"'{name}'", "", "macro name", line))


def _front_matter_keys(text: str) -> set[str]:
    """Front-matter keys become page variables; the front matter itself is checked elsewhere."""
    if not text.startswith("---"):
        return set()
    block = text.split("---", 2)[1] if text.count("---") >= 2 else ""
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return set()
    return set(meta) if isinstance(meta, dict) else set()

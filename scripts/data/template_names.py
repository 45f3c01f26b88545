"""Check the names pages use in `{{ ... }}` before any page renders.

With `on_undefined: strict`, Jinja finds a misspelt name such as
`{{ tabel("methods") }}` only while rendering, and mkdocs-macros reports it
as a traceback and ends the build. Checking first gives the editor one line
with the file, the line and the nearest valid names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from jinja2.defaults import DEFAULT_NAMESPACE

from scripts.data.checks import closest
from scripts.data.errors import Problem, UnknownNameError

# The first name inside {{ ... }}: a macro call or a variable.
EXPRESSION = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")
# Names a page defines for itself with {% set %}, {% for %} or {% macro %}.
DEFINED = re.compile(r"\{%-?\s*(?:set|for|macro)\s+([A-Za-z_]\w*)")
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
# mkdocs-macros adds these after define_env has run, or per page as it renders.
PER_PAGE = frozenset({"page", "navigation", "files", "macros", "filters", "filters_builtin"})


def check_template_names(docs_dir: Path, known: Iterable[str]) -> None:
    """Raise UnknownNameError for the first name in a page that nothing defines."""
    names = set(known) | PER_PAGE | set(DEFAULT_NAMESPACE)
    for path in sorted(docs_dir.rglob("*.md")):
        label = f"docs/{path.relative_to(docs_dir).as_posix()}"
        _check_page(path.read_text(encoding="utf-8"), label, names)


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

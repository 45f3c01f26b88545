"""What counts as a figure typed by hand: digits, number words, and numbers written into
template tags. Pages take every figure from data/ with fact(), table() or chart(), so a
number, its wording and its source stay in one place."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jinja2 import nodes

# The figure as shown in the message: the number, a range, and a % or unit word.
DIGIT_FIGURE_RE = re.compile(
    r"\d[\d.,]*(?:\s*(?:-|–|to)\s*\d[\d.,]*)?(?:\s*%|\s*[a-z]+(?:/[a-z]+)?)?", re.I
)
UNITS = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = rf"(?:(?:{TENS})(?:[- ](?:{UNITS}))?|{TEENS}|{UNITS})"
FRACTION = r"(?:halfs?|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"
# Number words only where they state an amount, so "one of the medicines" or
# "the first session" pass: a share ("half of", "two thirds", "one in three",
# "three out of four", "fifty percent") or a large amount ("three thousand").
NUMBER_WORDS_RE = re.compile(
    rf"\b(?:"
    rf"(?:half|a third|a quarter|a fifth|a tenth) of"
    rf"|{NUMBER}[- ]{FRACTION}"
    rf"|{NUMBER} in (?:every )?(?:{NUMBER}|\d+|a hundred|a thousand)"
    rf"|{NUMBER} out of (?:every )?(?:{NUMBER}|\d+|a hundred|a thousand)"
    rf"|(?:{NUMBER}|a) (?:percent|per cent|hundred|thousand|million|billion)"
    rf")\b",
    re.I,
)


def typed_figure(text: str) -> str | None:
    """The first figure written in `text` (digits or number words), as the editor typed it."""
    found = [
        match for match in (DIGIT_FIGURE_RE.search(text), NUMBER_WORDS_RE.search(text)) if match
    ]
    return min(found, key=lambda match: match.start())[0].strip() if found else None


def template_literals(node: nodes.Node, public_macros: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(line, literal) for each number, or string with a digit, written in a {{ }} or {% %}
    tag outside the public macros' own arguments: `{% set x = 50 %}`, `{{ "60%" }}` and
    `{{ 3 * 10 }}` would put a figure on the page that no data file holds. Given the whole
    file parsed, the line numbers are the file's."""
    if isinstance(node, nodes.Call) and called_name(node) in public_macros:
        return  # a public macro's arguments name data; they are not shown as figures
    if isinstance(node, nodes.Const) and _is_figure(node.value):
        yield node.lineno, str(node.value)
        return
    for child in node.iter_child_nodes():
        yield from template_literals(child, public_macros)


def called_name(call: nodes.Call) -> str | None:
    """The name a template call calls (`table` in table("x")); None for a method or filter."""
    return call.node.name if isinstance(call.node, nodes.Name) else None


def _is_figure(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(typed_figure(value))

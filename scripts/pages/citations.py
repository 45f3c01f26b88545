"""Where citations sit in a page's prose: at the end of a sentence, each source once per
paragraph, so a reader's sentence is never broken by a bracket and a page does not repeat
one source line after line.

A paragraph here is a block of prose lines: a run of lines between blank lines, headings,
boxes and list items (each list item is a paragraph of its own). Only cite() makes a
bracketed citation; fact() links its figure to the source instead (scripts/render).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

CITE_CALL_RE = re.compile(r"""\{\{-?\s*cite\(\s*(?P<q>["'])(?P<id>[^"']+)(?P=q)\s*\)\s*-?\}\}""")
# Whatever may stand between a citation and the end of its sentence: more citations.
MORE_CITES_RE = re.compile(rf"(?:\s*{CITE_CALL_RE.pattern})*\s*")
# A sentence ends with a full stop, question or exclamation mark, or a colon before a list;
# a closing bracket or quote may come first. The end of the paragraph (or of a Markdown
# table cell) ends it too.
SENTENCE_END_RE = re.compile(r"""[)"'\u201d\u2019]*(?:[.!?:|]|$)""")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
BLOCK_START_RE = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|\{\{-?\s*\w+\(.*\)\s*-?\}\}\s*$|<)")

MID_SENTENCE = (
    'cite("{id}") stands in the middle of a sentence: move it to the end of the sentence, '
    "just before the full stop"
)
TWICE = (
    "cites '{id}' twice in one paragraph (first on line {first}): cite a source once per "
    "paragraph, at the end of the sentence it backs"
)


def citation_problems(prose: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, message) for each citation in mid-sentence, and each repeat of a source
    already cited in the same paragraph."""
    return [problem for block in paragraphs(prose) for problem in _block_problems(block)]


def paragraphs(prose: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """The page's prose lines grouped into paragraphs (see the module docstring)."""
    block: list[tuple[int, str]] = []
    for number, line in prose:
        if not line.strip():
            if block:
                yield block
            block = []
            continue
        if block and (LIST_ITEM_RE.match(line) or BLOCK_START_RE.match(line)):
            yield block
            block = []
        block.append((number, line))
        if BLOCK_START_RE.match(line):
            yield block
            block = []
    if block:
        yield block


def _block_problems(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    text = ""
    starts: list[tuple[int, int]] = []  # (offset in text, line number)
    for number, line in block:
        starts.append((len(text), number))
        text += line.strip() + " "
    text = text.rstrip()
    problems: list[tuple[int, str]] = []
    first_line: dict[str, int] = {}
    for call in CITE_CALL_RE.finditer(text):
        at = next(number for start, number in reversed(starts) if start <= call.start())
        source = call["id"]
        if source in first_line:
            problems.append((at, TWICE.format(id=source, first=first_line[source])))
        else:
            first_line[source] = at
        after = MORE_CITES_RE.match(text, call.end())
        rest = text[after.end() if after else call.end() :]
        if not SENTENCE_END_RE.match(rest):
            problems.append((at, MID_SENTENCE.format(id=source)))
    return problems

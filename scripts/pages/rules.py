"""House rules for docs/*.md that no general tool knows: figures come from data through
macros, images describe themselves, nothing loads from another host, heading ids are unique,
markup that would be published raw, page names, front matter, cited sources, where citations
sit, and redirects."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError
from markdown.extensions.toc import slugify

from scripts.config import config_or_empty, plugin_settings
from scripts.data.errors import DataError
from scripts.data.loader import readable_source_ids
from scripts.data.textfile import read_utf8
from scripts.editor_check.mistakes import Mistake, relative
from scripts.pages import citations, markup, meta
from scripts.pages.frontmatter import BOM, read_front_matter
from scripts.pages.licence_note import licence_note_problems, licence_pages
from scripts.pages.redirects import redirect_problems
from scripts.pages.tables_once import tables_shown_twice
from scripts.pages.templates import page_environment
from scripts.pages.typed_figures import template_literals, typed_figure
from scripts.render.api import PUBLIC_MACROS

# Pages take every figure from data/ with fact(), table() or chart(), so a
# number, its wording and its source stay in one place: any figure a reader
# would see is a figure typed by hand (the content tests apply the same rule).
# Spans that are not prose: macro calls and tags, inline code, link and
# image targets, HTML tags, attribute lists, and an ordered-list step number.
# (Titles inside tags and attribute lists are tooltips: markup.py checks them.)
NOT_PROSE_RE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}\s*$|^\s*\d+\.\s"
)
BOM_MESSAGE = (
    "the file starts with an invisible byte-order mark (BOM): save it as UTF-8 without BOM "
    "(in most editors: 'UTF-8' rather than 'UTF-8 with BOM')"
)
FIX_FIGURE = 'take it from data/ with a macro such as {{ fact("...") }} or {{ table("...") }}'
IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.I)
SCRIPT_RE = re.compile(r"<script\b[^>]*>", re.I)
REMOTE = r"(?:https?:)?//"
REMOTE_TAG_RE = re.compile(
    rf"<(?P<tag>img|iframe|link|source|video|audio|embed|object)\b[^>]*?"
    rf"\b(?:src|href|data)\s*=\s*[\"']?{REMOTE}",
    re.I,
)
REMOTE_IMAGE_RE = re.compile(rf"!\[[^\]]*\]\(\s*<?{REMOTE}")
HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
ATTR_ID_RE = re.compile(r"\s*\{[^}]*#(?P<id>[\w:.-]+)[^}]*\}\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
# HTML comments and Jinja comments ([[# ... #]] on this site) may span lines.
COMMENT_RE = re.compile(r"<!--.*?-->|\[\[#.*?#\]\]", re.S)


def lint_pages(root: Path) -> list[Mistake]:
    """Every house-rule problem in docs/**/*.md, and the redirect rules."""
    docs = root / "docs"
    if not docs.is_dir():
        return []
    environment = page_environment(plugin_settings(config_or_empty(root), "macros"))
    known = readable_source_ids(root)
    treatment = licence_pages(root) or set()
    found: list[Mistake] = []
    for page in sorted(docs.rglob("*.md")):
        path = relative(page, root)
        name = meta.file_name_problem(page.relative_to(docs).as_posix())
        if name:
            found.append(Mistake(path, 1, name, "pages"))
        try:
            text = read_utf8(page, path)
        except DataError:
            continue  # the data step names the line that is not UTF-8
        if text.startswith(BOM):
            found.append(Mistake(path, 1, BOM_MESSAGE, "pages"))
        about_treatment = page.relative_to(docs).as_posix() in treatment
        found.extend(lint_page(text.removeprefix(BOM), path, environment, known, about_treatment))
    return found + redirect_problems(root)


def lint_page(
    text: str,
    path: str,
    environment: Environment | None = None,
    source_ids: set[str] | None = None,
    about_treatment: bool = False,
) -> list[Mistake]:
    """The house-rule problems of one page's text, reported against `path`; `environment`
    parses its template tags the way the build does (mkdocs.yml's delimiters),
    `source_ids` are the sources that exist (a cite of any other is a typo the build names),
    and `about_treatment` says the page must show the licence-status note."""
    located: list[tuple[int, str]] = []
    ids: dict[str, int] = {}
    front = read_front_matter(text, path)  # the label the data step reads it with: read once
    prose = list(prose_lines(text, front.body_start))
    for number, line in prose:
        located += [(number, message) for message in _line_problems(line)]
        heading = HEADING_RE.match(line)
        if heading and (repeated := _repeated_heading_id(heading["text"], ids, number)):
            located.append((number, repeated))
    located += markup.admonition_problems(prose)
    located += meta.front_matter_problems(front)
    located += meta.source_problems(front, prose, source_ids)
    located += citations.citation_problems(prose)
    # The whole file as a template, so line numbers are the file's.
    try:
        tree = (environment or page_environment({})).parse(text)
    except TemplateSyntaxError:
        pass  # the template check reports the syntax error
    else:
        located += [
            (
                number,
                f"figure '{literal}' written into a template tag: only the macros may put "
                f"figures on a page: {FIX_FIGURE}",
            )
            for number, literal in template_literals(tree, frozenset(PUBLIC_MACROS))
        ]
        located += tables_shown_twice(tree)
        located += licence_note_problems(tree, prose, about_treatment)
    # One message per line, as `make check` prints them: the first rule to see it names it.
    first = dict(reversed(located))
    return [Mistake(path, number, first[number], "pages") for number in sorted(first)]


def prose_lines(text: str, body_start: int) -> Iterator[tuple[int, str]]:
    """(line number, line) for the lines of the body (from line `body_start` + 1, after the
    front matter) outside code fences and comments."""
    lines = COMMENT_RE.sub(_blank_keeping_lines, text).splitlines()
    fence: str | None = None
    for index in range(body_start, len(lines)):
        line = lines[index]
        marker = FENCE_RE.match(line)
        if marker and (fence is None or marker[1] == fence):
            fence = None if fence else marker[1]
            continue
        if fence is None:
            yield index + 1, line


def _blank_keeping_lines(match: re.Match[str]) -> str:
    return "\n" * match[0].count("\n")


def _line_problems(line: str) -> list[str]:
    problems = []
    for tag in IMG_TAG_RE.findall(line):
        if not re.search(r"\balt\s*=", tag, re.I):
            problems.append(
                'image has no alt text: add alt="what the image shows" to the <img> tag'
            )
    for tag in SCRIPT_RE.findall(line):
        if re.search(rf"\bsrc\s*=\s*[\"']?{REMOTE}", tag, re.I):
            problems.append(
                "script loaded from another host: the site makes no third-party requests"
            )
        else:
            problems.append("script tag in a page: pages hold prose and macro calls only")
    remote = REMOTE_TAG_RE.search(line) or REMOTE_IMAGE_RE.search(line)
    if remote and not SCRIPT_RE.search(line):
        problems.append(
            "loads a file from another host: save it under docs/assets/ and link to that copy"
        )
    figure = typed_figure(NOT_PROSE_RE.sub(" ", line))
    if figure:
        problems.append(f"figure '{figure}' typed by hand: {FIX_FIGURE}")
    return problems + markup.line_problems(line)


def _repeated_heading_id(text: str, ids: dict[str, int], number: int) -> str | None:
    """Explicit {#id}s must not repeat another heading's id (automatic ones are made unique)."""
    explicit = ATTR_ID_RE.search(text)
    heading_id = explicit["id"] if explicit else slugify(text, "-")
    first = ids.get(heading_id)
    ids.setdefault(heading_id, number)
    if explicit and first is not None:
        return (
            f"heading id '#{heading_id}' is already used on line {first}: "
            "give this heading a different {#id}"
        )
    return None

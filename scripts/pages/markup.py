"""Markup slips that publish raw text or a broken box: one-brace macros, Jinja-style
comments, GitHub alerts, admonitions with no body or an unstyled type, macros in headings,
xref() link text that says nothing, and figures in tooltips."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.pages.typed_figures import typed_figure
from scripts.render.api import PUBLIC_MACROS

# `{ fact(` with one opening brace is not a macro to Jinja, so it is published as written.
ONE_BRACE_RE = re.compile(r"(?<!\{)\{(?!\{)\s*(?P<name>[a-z_]+)\s*\(")
# `{# ... #}` is Jinja's default comment, but this site's comments are [[# ... #]] (so that
# attribute lists such as `## Dosing {#dosing}` stay Markdown): `{#` followed by a space,
# or closed by `#}`, is a comment the reader would see; `{#dosing}` is an id.
JINJA_COMMENT_RE = re.compile(r"\{#(?:\s|[^}\n]*#\})")
GITHUB_ALERT_RE = re.compile(r"^\s*>\s*\[!(?P<kind>[A-Za-z]+)\]")
ADMONITION_RE = re.compile(r"^(?P<indent>\s*)(?P<marker>!!!|\?\?\?\+?)\s*(?P<kind>[\w-]*)")
# The types Material for MkDocs 9.8 styles: its stylesheet has rules for exactly these
# (tests/editors/test_page_rules.py reads the installed stylesheet to keep this list true).
STYLED_TYPES = (
    "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
)  # fmt: skip
# The site's own types, styled in docs/assets/stylesheets/site.css (the same test reads it).
SITE_TYPES = ("key-points",)
HEADING_MACRO_RE = re.compile(r"^#{1,6}\s.*\{\{")
XREF_TEXT_RE = re.compile(
    r"""xref\(\s*(?P<q>["'])(?P<topic>[^"']*)(?P=q)\s*,\s*(?P<q2>["'])(?P<text>[^"']*)(?P=q2)"""
)
# Link text that does not say where it goes (the MD059 rule's idea, which cannot see
# inside a macro call).
GENERIC_TEXT = frozenset(
    {"here", "click here", "this page", "read more", "more", "link", "this link", "this",
     "go here", "see here", "click", "page", "more here", "find out more", "learn more"}
)  # fmt: skip
XREF_IN_LINK_RE = re.compile(
    r"\[(?P<text>[^\]]*)\]\(\s*\{\{\s*xref\(\s*(?P<q>[\"'])(?P<topic>[^\"']*)(?P=q)\s*\)\s*\}\}\s*\)"
)
TITLE_ATTR_RE = re.compile(r"""\btitle\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
MACRO_RE = re.compile(r"\{\{.*?\}\}")
FIX_FIGURE = 'take it from data/ with a macro such as {{ fact("...") }}'


def line_problems(line: str) -> list[str]:
    """The markup problems of one prose line, each as a message."""
    problems = []
    brace = ONE_BRACE_RE.search(line)
    if brace and brace["name"] in PUBLIC_MACROS:
        name = brace["name"]
        problems.append(
            f"'{{ {name}(' looks like a macro with one brace, so it is shown as written: "
            f"write {{{{ {name}(...) }}}}"
        )
    if JINJA_COMMENT_RE.search(line):
        problems.append(
            "'{# ... #}' is shown to readers on this site: "
            "write a hidden note as <!-- ... --> or [[# ... #]]"
        )
    alert = GITHUB_ALERT_RE.match(line)
    if alert:
        kind = alert["kind"].lower()
        problems.append(
            f"'> [!{alert['kind']}]' is GitHub's alert syntax and is shown as plain text here: "
            f'write !!! {kind if kind in STYLED_TYPES else "warning"} "Title" '
            "and indent the text under it by 4 spaces"
        )
    if HEADING_MACRO_RE.match(line):
        problems.append(
            "macro in a heading: the heading's address (#anchor) would change whenever the "
            "data changes, breaking links to it: keep the figure in the text under the heading"
        )
    problems.extend(_xref_problems(line))
    problems.extend(_tooltip_figures(line))
    return problems


def _xref_problems(line: str) -> list[str]:
    problems = []
    for call in XREF_TEXT_RE.finditer(line):
        text = " ".join(call["text"].split())
        if not text:
            problems.append(
                f'xref("{call["topic"]}", "") has empty link text: write what the link leads '
                f'to, or leave the text out to use the page title: xref("{call["topic"]}")'
            )
        elif text.lower().strip(".!:") in GENERIC_TEXT:
            problems.append(
                f"link text '{text}' does not say where the link goes: "
                "make the link text say where it goes, not 'here', 'link' or 'more'"
            )
    for link in XREF_IN_LINK_RE.finditer(line):
        problems.append(
            "xref() already makes a link, so it cannot be a link's target: write "
            f'{{{{ xref("{link["topic"]}", "{link["text"]}") }}}}'
        )
    return problems


def _tooltip_figures(line: str) -> list[str]:
    """A title="..." (an <abbr> or an attribute list) is shown as a tooltip: no typed figures."""
    problems = []
    for attribute in TITLE_ATTR_RE.finditer(line):
        value = MACRO_RE.sub(
            " ", attribute["dq"] if attribute["dq"] is not None else attribute["sq"]
        )
        figure = typed_figure(value)
        if figure:
            problems.append(
                f"figure '{figure}' typed by hand in a tooltip (title=\"...\"): {FIX_FIGURE}"
            )
    return problems


def admonition_problems(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, message) for `!!!`/`???` boxes with a type neither Material nor the site
    styles, or with no indented text under them (Markdown then shows an empty box and the
    text outside it)."""
    numbered = list(lines)
    problems = []
    for index, (number, line) in enumerate(numbered):
        box = ADMONITION_RE.match(line)
        if not box:
            continue
        marker, kind = box["marker"], box["kind"]
        if kind not in STYLED_TYPES + SITE_TYPES:
            styled = ", ".join(STYLED_TYPES + SITE_TYPES)
            message = f"'{marker} {kind}' is not a box type this site styles: use one of {styled}"
        elif not _has_body(numbered[index + 1 :], len(box["indent"])):
            message = (
                f"the {marker} {kind} box has no content: "
                "indent its text by 4 spaces under this line"
            )
        else:
            continue
        problems.append((number, message))
    return problems


def _has_body(after: list[tuple[int, str]], indent: int) -> bool:
    for _number, line in after:
        if line.strip():
            return len(line) - len(line.lstrip()) >= indent + 4
    return False

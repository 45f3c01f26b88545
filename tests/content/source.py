"""Reading the Markdown pages of docs/ the way the content tests need them.

A page is front matter, then a body of prose and macro calls. The helpers here
split the two, find the macro calls, and turn the body into the plain prose a
reader sees, so the readability and wording tests measure words, not markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.pages.frontmatter import read_front_matter
from tests.support.pages import DOCS, markdown_pages
from tests.support.repo import REPO

# A macro call, e.g. {{ fact("trd_response") }}; calls never span lines in docs/.
MACRO_RE = re.compile(r"\{\{.*?\}\}")
# xref("topic") or xref("topic", "link text"), with either kind of quotes.
XREF_RE = re.compile(
    r"""\{\{\s*xref\(\s*["']([^"']+)["']\s*(?:,\s*["']([^"']+)["']\s*)?\)\s*\}\}"""
)
MACRO_NAME_RE = re.compile(r"\{\{\s*(\w+)\(")
# Jinja comments use [[# ... #]] on this site (see mkdocs.yml).
JINJA_COMMENT_RE = re.compile(r"\[\[#.*?#\]\]", re.DOTALL)
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ADMONITION_RE = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?\s*$')
LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
HEADING_RE = re.compile(r"^\s*#{1,6}\s+")
# What a reader sees in place of fact("..."): a short figure such as
# "about 1 in 2". One plain word stands in for it, since the figure itself
# adds numbers, not reading difficulty.
FACT_STAND_IN = "some"


@dataclass(frozen=True)
class Page:
    """One Markdown page: its path under docs/, front matter and body."""

    path: Path
    meta: dict
    body: str
    body_start_line: int  # 1-based line number of the body's first line


def read_page(page: Path) -> Page:
    """Split docs/`page` into its YAML front matter and its body."""
    text = (DOCS / page).read_text(encoding="utf-8")
    front = read_front_matter(text)
    if front.body_start == 0:
        raise ValueError(f"docs/{page}: no front matter (the page must start with '---')")
    body = "".join(text.splitlines(keepends=True)[front.body_start :])
    return Page(path=page, meta=front.values, body=body, body_start_line=front.body_start + 1)


def all_pages() -> list[Page]:
    """Every page of the site, read."""
    return [read_page(p) for p in markdown_pages()]


def xref_titles() -> dict[str, str]:
    """The default link text of each cross-reference topic, from data/xrefs.yml."""
    data = yaml.safe_load((REPO / "data" / "xrefs.yml").read_text(encoding="utf-8"))
    return {topic["id"]: topic["title"] for topic in data["xrefs"]["topics"]}


def _inline_macros_as_text(line: str, titles: dict[str, str]) -> str:
    """Replace macro calls in a line by the words a reader sees in their place."""

    def xref_text(match: re.Match[str]) -> str:
        return match.group(2) or titles[match.group(1)]

    line = XREF_RE.sub(xref_text, line)

    def other(match: re.Match[str]) -> str:
        name = MACRO_NAME_RE.match(match.group(0))
        return FACT_STAND_IN if name and name.group(1) == "fact" else ""

    return MACRO_RE.sub(other, line)


def prose_lines(body: str, titles: dict[str, str]) -> list[str]:
    """The body as plain sentences: one entry per paragraph line, heading or list item.

    Kept: paragraphs, list items, headings and admonition titles (each read as
    its own sentence). Dropped: macro output (tables, charts, the crisis box,
    citations, generated lists), code, HTML and Markdown markup.
    """
    lines: list[str] = []
    in_code = False
    for raw in JINJA_COMMENT_RE.sub("", body).splitlines():
        if raw.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or not raw.strip() or raw.lstrip().startswith("<"):
            continue
        admonition = ADMONITION_RE.match(raw)
        if admonition:
            if admonition.group(1):
                lines.append(admonition.group(1))
            continue
        text = _inline_macros_as_text(raw, titles)
        text = LINK_RE.sub(r"\1", text)
        text = HEADING_RE.sub("", LIST_MARKER_RE.sub("", text))
        text = text.replace("**", "").replace("`", "").strip()
        if text:
            lines.append(text)
    return lines


def prose(body: str, titles: dict[str, str]) -> str:
    """The body as one text, every line ending as a sentence does."""
    sentences = []
    for line in prose_lines(body, titles):
        # A lead-in such as "You may:" is read apart from the list after it.
        line = line[:-1] + "." if line.endswith(":") else line
        sentences.append(line if line[-1] in ".?!" else f"{line}.")
    return " ".join(sentences)

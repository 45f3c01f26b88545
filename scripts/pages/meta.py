"""Rules about a page as a whole: its file name, what its front matter may hold, and that
the sources it cites are the ones it lists (its Sources section is drawn from that list)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from scripts.pages.frontmatter import FrontMatter, read_front_matter
from scripts.pages.locate import read_lines
from scripts.pages.typed_figures import typed_figure

NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CITE_RE = re.compile(r"""\bcite\(\s*(?P<q>["'])(?P<id>[^"']+)(?P=q)""")
SOURCES_HEADING_RE = re.compile(r"^##\s+Sources\s*(?:\{.*\})?\s*$")
PAGE_SOURCES_RE = re.compile(r"\{\{-?\s*page_sources\s*\(")
# Shown to readers and search engines as written: MkDocs does not render front matter.
SHOWN_KEYS = ("title", "description")


def file_name_problem(relative: str) -> str | None:
    """docs/ page names become addresses: lower-case words joined by hyphens keep them
    readable and stable (no %20, no case that differs between systems)."""
    path = PurePosixPath(relative)
    parts = [*path.parent.parts, path.stem]
    if all(NAME_RE.fullmatch(part) for part in parts):
        return None
    suggested = (
        "/".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts) + ".md"
    )
    return (
        f"page file name '{relative}' becomes part of its address: use lower-case letters, "
        f"digits and hyphens only: rename it to {suggested} with git mv"
    )


def front_matter_problems(meta: FrontMatter) -> list[tuple[int, str]]:
    """(line, message) for a title or description holding a macro or a typed figure."""
    problems = []
    for key in SHOWN_KEYS:
        raw = meta.lines.raw.get(key)
        if raw is None:
            continue
        if "{{" in raw or "{%" in raw:
            message = (
                f"the front matter '{key}' holds a macro, but front matter is not rendered, "
                "so readers and search engines would see it as written: describe the page in "
                "words"
            )
        elif figure := typed_figure(raw):
            message = (
                f"figure '{figure}' typed by hand in the front matter '{key}': front matter is "
                "not rendered, so no macro can supply it: describe the page without figures"
            )
        else:
            continue
        problems.append((meta.lines.fields[key], message))
    return problems


def source_problems(
    meta: FrontMatter, body: list[tuple[int, str]], source_ids: set[str] | None = None
) -> list[tuple[int, str]]:
    """A cited source must be in the front matter `sources:` (the page's Sources list is
    drawn from it), and a Sources section must draw that list with page_sources(). Cites of
    ids not in `source_ids` are left to the build, which names the closest real id."""
    if not meta.readable:
        return []  # what the sources are is unknown until the front matter reads
    listed = meta.values.get("sources")
    listed = [str(s) for s in listed] if isinstance(listed, list) else []
    cites = [
        (number, m["id"])
        for number, line in body
        for m in CITE_RE.finditer(line)
        if source_ids is None or m["id"] in source_ids
    ]
    heading = next((n for n, line in body if SOURCES_HEADING_RE.match(line)), None)
    draws = any(PAGE_SOURCES_RE.search(line) for _n, line in body)
    problems = []
    where = meta.lines.fields.get("sources")
    at = where or (cites[0][0] if cites else None)
    if not listed and (cites or draws) and at:
        ids = ", ".join(dict.fromkeys(source for _n, source in cites)) or "none"
        empty = "the front matter sources lists nothing, so the page's Sources section is empty"
        problems.append((at, f"{empty}: list every source the page uses (it cites: {ids})"))
    elif listed:
        unlisted = f"which is not in the front matter sources (line {where}): add it there"
        problems += [
            (number, f"cites '{source}', {unlisted}")
            for number, source in cites
            if source not in listed
        ]
    # A Sources section may instead say why the page has none (about.md does).
    if heading and not draws and (listed or cites):
        fix = "add {{ page_sources() }} under this heading; it lists the front matter sources"
        problems.append((heading, f"the Sources section lists nothing: {fix}"))
    return problems


def unreadable_front_matter(path: Path) -> bool:
    """Whether a page's front matter is not YAML: the Markdown lint then reads it as text."""
    return not read_front_matter("\n".join(read_lines(path))).readable

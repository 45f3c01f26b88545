"""The pull request's job summary, in GitHub Markdown: the pages it changes, their
screenshots, and what `make check` found. Every value from the pull request is escaped, so a
page title or a finding cannot put live markup or links into the summary."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.prpreview.pages import Changes, Page
from scripts.prpreview.shots import slug

MAX_REPORT_LINES = 80
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Characters that Markdown or a table cell would read as syntax.
_MARKDOWN = {c: f"&#{ord(c)};" for c in "\\`*_[]|#!~"}


def text(value: str) -> str:
    """`value` as inert text in a Markdown table cell or paragraph."""
    escaped = html.escape(" ".join(value.split()), quote=True)
    return "".join(_MARKDOWN.get(c, c) for c in escaped)


def code(value: str) -> str:
    """`value` in an inline code span that no backtick inside can close early."""
    value = " ".join(value.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def block(value: str) -> str:
    """`value` as a fenced text block with a fence longer than any backtick run inside."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{value.rstrip()}\n{fence}"


def page_title(site: Path, page: Page) -> str:
    """The built page's first heading, or its source path when it has none."""
    try:
        tree = HTMLParser((site / page.built).read_text(encoding="utf-8"))
    except OSError:
        return page.source
    heading = tree.css_first("article h1") or tree.css_first("h1")
    if heading is None:
        return page.source
    for anchor in heading.css("a.headerlink"):  # the theme's "¶" permalink
        anchor.decompose()
    return " ".join(heading.text().split()) or page.source


def check_section(report: str | None, status: int | None) -> list[str]:
    """The summary's lines about the `make check` run (its report and exit status)."""
    if status is None:
        return ["**make check** did not run."]
    lines = ANSI.sub("", report or "").rstrip().splitlines()
    if status == 0:
        return ["**make check** found no problems."]
    shown = lines[:MAX_REPORT_LINES]
    out = [
        f"**make check** found problems (exit code {status}); each line names the file, "
        "the line and what to change:",
        "",
        block("\n".join(shown) or "(no output)"),
    ]
    if len(lines) > len(shown):
        out += ["", f"{len(lines) - len(shown)} more lines are in the job's log."]
    return out


def render(
    changes: Changes,
    site: Path,
    shots: Sequence[Path],
    out: Path,
    report: str | None = None,
    status: int | None = None,
) -> str:
    """The summary as Markdown; `shots` are paths under `out`, named out/<viewport>/<slug>.png."""
    lines = ["## Preview of this pull request", ""]
    lines += check_section(report, status)
    lines.append("")
    if changes.pages:
        lines += [f"### Pages this pull request changes ({len(changes.pages)})", ""]
        lines += ["| Page | Address | Changed by | Screenshots |", "| --- | --- | --- | --- |"]
        by_name: dict[str, list[str]] = {}
        for shot in shots:
            by_name.setdefault(shot.stem, []).append(shot.relative_to(out.parent).as_posix())
        for page in changes.pages:
            files = ", ".join(code(f) for f in by_name.get(slug(page), [])) or "none"
            lines.append(
                f"| {text(page_title(site, page))} | {code(page.url)} | "
                f"{', '.join(code(c) for c in page.changed_by)} | {files} |"
            )
    else:
        lines.append("This pull request changes no page of the site.")
    if changes.removed:
        lines += ["", "Pages removed: " + ", ".join(code(p) for p in changes.removed)]
    if changes.unmapped:
        unmapped = ", ".join(code(p) for p in changes.unmapped)
        lines += ["", f"Changed files that no page shows: {unmapped}"]
    return "\n".join(lines) + "\n"

"""Check every page's front matter when the build starts.

The templates print the review dates and the description, so a page with a
missing or bad field fails the build here, naming the page and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from scripts.data.checks import closest
from scripts.data.errors import FrontMatterError, Problem
from scripts.data.models import Id
from scripts.data.schema_errors import first_problem, show
from scripts.data.yamlfile import Loader

DESCRIPTION_MAX = 150


class FrontMatter(BaseModel):
    # Other keys (Material's hide:, template:, ...) are the theme's business.
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    title: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="the page title, as text"
    )
    description: Annotated[str, StringConstraints(min_length=1, max_length=DESCRIPTION_MAX)] = (
        Field(description=f"a summary of {DESCRIPTION_MAX} characters or fewer")
    )
    reviewed: dt.date = Field(description="a date written as YYYY-MM-DD")
    review_due: dt.date = Field(description="a date written as YYYY-MM-DD, after reviewed")
    sources: list[Id] = Field(
        description="a list of source ids from data/sources.yml, such as [nice-ta854]"
    )


def check_pages(docs_dir: Path, source_ids: Iterable[str]) -> None:
    """Validate the front matter of every Markdown page under `docs_dir`."""
    known = set(source_ids)
    for path in sorted(docs_dir.rglob("*.md")):
        label = f"docs/{path.relative_to(docs_dir).as_posix()}"
        check_page(path.read_text(encoding="utf-8"), label, known)


def check_page(text: str, label: str, known_sources: set[str]) -> FrontMatter:
    block, first_line = _front_matter(text, label)
    lines = _key_lines(block, first_line)
    try:
        meta = yaml.load(block, Loader=Loader) if block.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else None
        raise FrontMatterError(
            Problem(
                label, "valid YAML front matter", str(getattr(error, "problem", error)), line=line
            )
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(
            Problem(label, "a mapping of fields", show(meta), field="front matter", line=first_line)
        )
    try:
        page = FrontMatter.model_validate(meta)
    except ValidationError as error:
        problem = first_problem(
            error, FrontMatter, label, "", lambda field: lines.get(field.split("[")[0])
        )
        if problem.field == "description" and isinstance(meta.get("description"), str):
            problem = Problem(
                label,
                problem.expected,
                f"{len(meta['description'])} characters",
                "",
                "description",
                problem.line,
            )
        raise FrontMatterError(problem) from None
    _check_dates_and_sources(page, label, known_sources, lines)
    return page


def _check_dates_and_sources(
    page: FrontMatter, label: str, known: set[str], lines: dict[str, int]
) -> None:
    if page.review_due <= page.reviewed:
        found = f"{page.review_due} (not after reviewed {page.reviewed})"
        raise FrontMatterError(
            Problem(
                label, "a date after reviewed", found, "", "review_due", lines.get("review_due")
            )
        )
    for source in page.sources:
        if source not in known:
            expected = f"a source id from data/sources.yml: {closest(source, known)}"
            raise FrontMatterError(
                Problem(label, expected, show(source), "", "sources", lines.get("sources"))
            )


def _front_matter(text: str, label: str) -> tuple[str, int]:
    """The YAML between the opening and closing '---', and the line it starts on."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            Problem(
                label, "front matter between --- lines at the top", "none", field="title", line=1
            )
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2
    raise FrontMatterError(
        Problem(label, "a closing --- line", "none", field="front matter", line=1)
    )


def _key_lines(block: str, first_line: int) -> dict[str, int]:
    found = {}
    for offset, line in enumerate(block.splitlines()):
        if line and not line[0].isspace() and ":" in line:
            found.setdefault(line.split(":", 1)[0].strip(), first_line + offset)
    return found

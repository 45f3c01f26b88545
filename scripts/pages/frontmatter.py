"""Read a page's front matter, once, and check it when the build starts.

`read_front_matter` is the one reader every rule and tool uses. The templates print the
review dates and the description, so a page with a missing or bad field fails the build
here, naming the page and the field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from scripts.data.checks import closest
from scripts.data.errors import DataError, FrontMatterError, Problem, raise_all
from scripts.data.models import Id, plain_text, visible_text
from scripts.data.schema_errors import problems, show
from scripts.data.textfile import read_utf8
from scripts.data.yamlfile import Lines, Loader, node_lines, syntax_problem
from scripts.names import nearest

DESCRIPTION_MAX = 150
# A page is reviewed at least once a year (usually every six months), so a review_due
# further off is a typo such as 2207 for 2027. CONTRIBUTING.md and data/README.md say so.
REVIEW_INTERVAL_MAX_DAYS = 366
# Keys MkDocs, Material for MkDocs and mkdocs-macros read from a page's front matter
# (https://squidfunk.github.io/mkdocs-material/reference/). Each would switch off something
# every page must have, or print its value where the site's templates do not escape it,
# so pages in docs/ may not use them; the reason is the message. Only `hide` is allowed,
# checked: it changes the layout of a page and nothing it shows.
REFUSED_KEYS = {
    "render_macros": "pages always render their macros (without them readers see "
    "{{ fact(...) }} as written)",
    "ignore_macros": "pages always render their macros (without them readers see "
    "{{ fact(...) }} as written)",
    "template": "every page uses the site's template, which shows the review dates, the "
    "disclaimer and the report link",
    "search": "every page stays in the site's search",
    "icon": "pages have no icons in the navigation",
    "status": "pages have no status marks in the navigation",
    "subtitle": "the navigation shows each page's title only",
    "tags": "the site has no tags",
    "social": "the site makes no social cards",
    "comments": "the site has no comments",
}
# What `hide` may hide: the navigation, the table of contents and the previous/next footer.
HIDEABLE = ("navigation", "toc", "footer")
FIRST_LINE = 2  # the YAML starts on the line after the opening ---
BOM = "\ufeff"  # some editors save it first; MkDocs reads past it, and so does the reader


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter as read: its values, the line of each key and each scalar value
    as written (`lines`), and how many lines come before the Markdown body the engine renders
    (the front matter and the blank lines after it, which both engines strip).

    `problem` says why there are no values to read; `readable` is False only when the
    YAML itself does not read (a missing front matter or a list is no YAML error)."""

    values: dict[Any, Any] = field(default_factory=dict)
    lines: Lines = field(default_factory=lambda: Lines(row=FIRST_LINE))
    body_start: int = 0
    problem: Problem | None = None
    readable: bool = True


class Fields(BaseModel):
    """The fields a page's front matter must hold, as the build validates them."""

    # `hide` passes through, checked in _hide; any other key is refused in check_page.
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    # Printed in <title>, <meta> and the header: plain text on one line, escaped by the
    # templates as well (overrides/), and never markup (search shows the title as HTML).
    title: Annotated[
        str,
        StringConstraints(min_length=1),
        AfterValidator(visible_text),
        AfterValidator(plain_text),
    ] = Field(description="the page title, as text")
    description: Annotated[
        str,
        StringConstraints(min_length=1, max_length=DESCRIPTION_MAX),
        AfterValidator(visible_text),
        AfterValidator(plain_text),
    ] = Field(description=f"a summary of {DESCRIPTION_MAX} characters or fewer")
    reviewed: dt.date = Field(description="a date written as YYYY-MM-DD")
    review_due: dt.date = Field(description="a date written as YYYY-MM-DD, after reviewed")
    sources: list[Id] = Field(
        description="a list of source ids from data/sources.yml, such as [nice-ta854]"
    )


# Every key a page's front matter may hold: ours, then the theme's `hide`.
ALLOWED_KEYS = [*Fields.model_fields, "hide"]


def check_pages(docs_dir: Path, source_ids: Iterable[str], today: dt.date | None = None) -> None:
    """Validate the front matter of every Markdown page under `docs_dir`; report every problem."""
    known = set(source_ids)
    errors: list[DataError] = []
    for path in sorted(docs_dir.rglob("*.md")):
        label = f"docs/{path.relative_to(docs_dir).as_posix()}"
        try:
            check_page(read_utf8(path, label), label, known, today)
        except DataError as error:
            errors.append(error)
    raise_all(errors)


def check_page(
    text: str, label: str, known_sources: set[str], today: dt.date | None = None
) -> Fields:
    """The page's front matter, validated; every problem in it is raised together."""
    front = read_front_matter(text, label)
    if front.problem:
        raise FrontMatterError(front.problem)
    meta, lines = front.values, front.lines
    refused = [key for key in meta if str(key) in REFUSED_KEYS]
    unknown = [key for key in meta if str(key) not in ALLOWED_KEYS and key not in refused]
    errors: list[DataError] = [
        FrontMatterError(_refused_key(str(key), label, lines)) for key in refused
    ]
    errors += [FrontMatterError(_unknown_key(key, label, lines)) for key in unknown]
    errors += _hide(meta.get("hide"), label, lines)
    explained = {_closest_key(str(key)) for key in unknown}
    try:
        page = Fields.model_validate(meta)
    except ValidationError as error:
        found = problems(error, Fields, label, "", lines.fields.get, lines.raw_of)
        for problem in found:
            if problem.found == "nothing" and problem.field in explained:
                continue  # the misspelt key is reported, naming this field
            errors.append(FrontMatterError(_description_length(problem, meta)))
        raise_all(errors)
        raise  # not reached: pydantic never fails without an error
    errors.extend(_dates(page, label, lines, today or dt.date.today()))
    errors.extend(_sources(page, label, known_sources, lines))
    raise_all(errors)
    return page


# The build reads each page's front matter twice (its fields, then the names its macros may
# use): kept by text, each page's YAML is read once. Callers must not change `values`.
@lru_cache(maxsize=4096)
def read_front_matter(text: str, label: str = "") -> FrontMatter:
    """The front matter between the opening and the closing --- (or ...) line of a page's
    text, read with the data layer's YAML reader (no aliases, no deep nesting); `label`
    names the page in the problem that says why it cannot be read."""
    lines = text.removeprefix(BOM).splitlines()
    opened = bool(lines) and lines[0].rstrip() == "---"
    closes = (i for i, line in enumerate(lines) if i and line.rstrip() in ("---", "..."))
    close = next(closes, None) if opened else None
    if close is None:
        expected, found, key = (
            ("a closing --- line", "none", "front matter")
            if opened
            else ("front matter between --- lines at the top", "no front matter", "title")
        )
        return FrontMatter(problem=Problem(label, expected, found, field=key, line=1))
    body = close + 1
    while body < len(lines) and not lines[body].strip():
        body += 1
    block = "\n".join(lines[1:close])
    try:
        values, root = _load(block)
    except yaml.YAMLError as error:
        problem = syntax_problem(error, label, block, FIRST_LINE)
        if problem.expected.startswith("valid YAML"):
            expected = problem.expected.replace("valid YAML", "valid YAML front matter", 1)
            problem = dataclasses.replace(problem, expected=expected)
        return FrontMatter(body_start=body, problem=problem, readable=False)
    if not isinstance(values, dict):
        found = show(values)
        problem = Problem(label, "a mapping of fields", found, "", "front matter", FIRST_LINE)
        return FrontMatter(body_start=body, problem=problem)
    # Only comments: no fields, so no lines to look up.
    lines_of = node_lines(root, FIRST_LINE) if root is not None else Lines(row=FIRST_LINE)
    return FrontMatter(values, lines_of, body)


def _load(block: str) -> tuple[Any, yaml.Node | None]:
    """The block's values and node tree (None when it holds only comments)."""
    loader = Loader(block)  # refuses control characters as soon as it is given the text
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else {}), root
    finally:
        loader.dispose()


def _closest_key(key: str) -> str | None:
    near = nearest(key, ALLOWED_KEYS)
    return near[0] if near else None


def _refused_key(key: str, label: str, lines: Lines) -> Problem:
    expected = f"no '{key}' key: {REFUSED_KEYS[key]}; delete the line"
    found = f"the theme key '{key}', which pages of this site may not use"
    return Problem(label, expected, found, "", key, lines.fields.get(key))


def _hide(value: object, label: str, lines: Lines) -> list[DataError]:
    """`hide` is a list of parts of the layout the theme knows (a typo would hide nothing)."""
    if value is None or (isinstance(value, list) and all(item in HIDEABLE for item in value)):
        return []
    expected = f"a list of parts to hide, from: {', '.join(HIDEABLE)}, such as [toc]"
    unknown = [item for item in value if item not in HIDEABLE] if isinstance(value, list) else []
    found = show(unknown[0]) if unknown else show(value)
    return [FrontMatterError(Problem(label, expected, found, "", "hide", lines.of("hide")))]


def _unknown_key(key: object, label: str, lines: Lines) -> Problem:
    """A misspelt key (review-due) would leave its field unset, or be ignored without a word."""
    near = _closest_key(str(key))
    expected = (
        f"{near} (the closest valid key)"
        if near
        else f"one of the valid keys: {', '.join(ALLOWED_KEYS)}"
    )
    found = f"the unknown key '{key}'"
    # A key that is not text (`1:`, `true:`) finds no line here, and the problem has none.
    line = lines.fields.get(key)  # type: ignore[call-overload]
    return Problem(label, expected, found, "", str(key), line)


def _description_length(problem: Problem, meta: dict[Any, Any]) -> Problem:
    """Count the characters of a long description: the text itself is too long to show."""
    description = meta.get("description")
    if problem.field != "description" or not isinstance(description, str):
        return problem
    if len(description) > DESCRIPTION_MAX:
        return dataclasses.replace(problem, found=f"{len(description)} characters")
    return problem


def _dates(page: Fields, label: str, lines: Lines, today: dt.date) -> list[DataError]:
    errors: list[DataError] = []
    # One day of slack: an editor east of UTC may already be on tomorrow's date.
    if page.reviewed > today + dt.timedelta(days=1):
        found = f"{page.reviewed}, a date in the future"
        expected = "the date of the last review: today or earlier"
        errors.append(_error(label, "reviewed", found, expected, lines))
    if page.review_due <= page.reviewed:
        found = f"{page.review_due} (not after reviewed {page.reviewed})"
        errors.append(_error(label, "review_due", found, "a date after reviewed", lines))
    elif (page.review_due - page.reviewed).days > REVIEW_INTERVAL_MAX_DAYS:
        found = f"{page.review_due}, more than a year after reviewed {page.reviewed}"
        expected = (
            f"a date at most {REVIEW_INTERVAL_MAX_DAYS} days after reviewed (usually six months)"
        )
        errors.append(_error(label, "review_due", found, expected, lines))
    return errors


def _sources(page: Fields, label: str, known: set[str], lines: Lines) -> list[DataError]:
    errors: list[DataError] = []
    seen: set[str] = set()
    for source in page.sources:
        if source in seen:
            found = f"{show(source)} twice"
            errors.append(_error(label, "sources", found, "each source listed once", lines))
        elif source not in known:
            expected = f"a source id from data/sources.yml: {closest(source, known)}"
            errors.append(_error(label, "sources", show(source), expected, lines))
        seen.add(source)
    return errors


def _error(label: str, field: str, found: str, expected: str, lines: Lines) -> DataError:
    return FrontMatterError(Problem(label, expected, found, "", field, lines.fields.get(field)))

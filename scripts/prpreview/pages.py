"""Which built pages a set of changed files reaches: docs/*.md directly, data/*.yml through
the macro calls written on each page.

The build itself does not record which page read which data file, so the pages are read
here: each page is parsed with the build's Jinja settings and its macro calls are matched
to the data files those macros read (MACRO_DATA). When in doubt a file counts as reaching a
page: a screenshot too many costs less than a change nobody looked at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import TemplateSyntaxError, nodes

from scripts.config import config_or_empty, plugin_settings
from scripts.data.datasets import BY_KEY, DATASETS
from scripts.data.errors import DataError
from scripts.data.yamlfile import read_yaml
from scripts.pages.frontmatter import read_front_matter
from scripts.pages.templates import page_environment
from scripts.render.api import CHARTS, PUBLIC_MACROS
from scripts.render.specs import TABLES

# Files that shape every page: the theme overrides, the site's settings and assets, and the
# code that renders the macros.
SITE_WIDE = ("mkdocs.yml", "overrides/", "docs/assets/", "scripts/")
# Every page ends with the glossary's abbreviations (pymdownx.snippets auto_append).
ON_EVERY_PAGE = ("glossary.yml",)
# Every macro that cites a source links to the sources page, found through xrefs.yml.
CITING = ("sources.yml", "xrefs.yml")

TABLE_FILES = tuple(BY_KEY[spec.name].file for spec in TABLES.values())


@dataclass(frozen=True)
class Page:
    """One page of docs/ and the changed files that reach it."""

    source: str  # path under docs/, e.g. "benefits.md"
    url: str  # site-relative, e.g. "/benefits/" ("/" for the home page)
    built: str  # the HTML file under the site folder, e.g. "benefits/index.html"
    changed_by: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Changes:
    """What a set of changed files means for the built site."""

    pages: tuple[Page, ...]  # pages to look at, in docs/ order
    removed: tuple[str, ...]  # docs/ pages the change deletes
    unmapped: tuple[str, ...]  # changed files that reach no page (tests, README.md, ...)


def built_path(source: str, directory_urls: bool = True) -> tuple[str, str]:
    """(url, html file) MkDocs makes of a page under docs/: x.md -> /x/, x/index.html."""
    page = PurePosixPath(source)
    if page.name in ("index.md", "README.md"):
        html = page.parent / "index.html"
    elif directory_urls:
        html = page.with_suffix("") / "index.html"
    else:
        html = page.with_suffix(".html")
    url = html.parent.as_posix() + "/" if html.name == "index.html" else html.as_posix()
    url = "/" if url in ("./", "/") else "/" + url
    return url, html.as_posix()


def fact_tables(data_dir: Path) -> dict[str, str] | None:
    """fact id -> the data file its figure is taken from (`from: <file key>.<row>.<field>`);
    None when facts.yml cannot be read (make check says why; any fact may then use any table).

    Read with the data layer's YAML reader but not validated: a preview is still wanted
    for a pull request whose data make check rejects."""
    try:
        raw = read_yaml(data_dir / "facts.yml", "data/facts.yml").data
    except DataError:
        return None
    found = {}
    rows = raw.get("facts") if isinstance(raw, dict) else None
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and isinstance(row.get("from"), str):
            dataset = BY_KEY.get(row["from"].split(".")[0])
            if dataset is not None:
                found[str(row.get("id"))] = dataset.file
    return found


# The data files each public macro reads beyond its argument (scripts/render/api.py).
MACRO_DATA: dict[str, tuple[str, ...]] = {
    "table": (),  # these three read the file their argument names: macro_data
    "chart": (),
    "fact": (),
    "xref": ("xrefs.yml",),
    "cite": CITING,
    "crisis_help": ("crisis_lines.yml", *CITING),
    "sources_list": ("sources.yml",),
    "page_sources": CITING,
    "glossary": ("glossary.yml",),
    "care_cards": ("care_cards.yml", "crisis_lines.yml", *CITING),
    "whats_new": ("changes.yml", "xrefs.yml"),
    "feed_link": (),
    "licence_status": ("licences.yml", *CITING),
    "questions_checklist": ("provider_questions.yml", *CITING),
}


def macro_data(name: str, arg: str | None, facts: Mapping[str, str] | None) -> set[str]:
    """The data files one macro call reads; `arg` is its first argument when written as a
    string, None when it is missing or computed (then every file the macro could read)."""
    if name == "table":
        spec = TABLES.get(arg) if arg else None
        files = {BY_KEY[spec.name].file} if spec else set(TABLE_FILES)
        return files | set(CITING)
    if name == "chart":
        key = CHARTS[arg][0] if arg in CHARTS else None
        files = {BY_KEY[key].file} if key else {BY_KEY[k].file for k, _ in CHARTS.values()}
        return files | set(CITING)
    if name == "fact":
        if facts is None:
            taken = set(TABLE_FILES)
        elif arg is None:
            taken = set(facts.values())
        else:
            taken = {facts[arg]} if arg in facts else set()
        return {"facts.yml", *taken, *CITING}
    return set(MACRO_DATA[name])


def page_data(
    text: str, parse: Callable[[str], nodes.Template], facts: Mapping[str, str] | None
) -> set[str] | None:
    """The data files a page's macro calls read; None when the page does not parse (then
    any data change may reach it)."""
    try:
        tree = parse(text)
    except TemplateSyntaxError:
        return None
    files = set(ON_EVERY_PAGE)
    for call in tree.find_all(nodes.Call):
        name = call.node.name if isinstance(call.node, nodes.Name) else None
        if name not in PUBLIC_MACROS:
            continue
        first = call.args[0] if call.args else None
        arg = (
            first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None
        )
        files |= macro_data(name, arg, facts)
    if read_front_matter(text).values.get("sources"):
        files |= set(CITING)
    return files


def site_pages(docs: Path) -> list[str]:
    """Every Markdown page under docs/, as MkDocs builds them (includes/ holds fragments)."""
    return sorted(
        p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "includes" not in p.parts
    )


def changed_pages(root: Path, changed: Iterable[str]) -> Changes:
    """Map changed repository paths to the pages they reach in the site built from `root`."""
    config = config_or_empty(root)
    docs = root / str(config.get("docs_dir") or "docs")
    directory_urls = config.get("use_directory_urls", True) is not False
    parse = page_environment(plugin_settings(config, "macros")).parse
    facts = fact_tables(root / "data")
    known_data = {dataset.file for dataset in DATASETS}
    pages = site_pages(docs)

    reasons: dict[str, list[str]] = {page: [] for page in pages}
    removed, unmapped = [], []
    for path in sorted(set(changed)):
        if path.startswith("docs/") and path.endswith(".md") and "includes" not in path:
            page = path.removeprefix("docs/")
            if page in reasons:
                reasons[page].append(path)
            else:
                removed.append(path)
        elif path.startswith(SITE_WIDE) or path.startswith("docs/"):
            for page in pages:
                reasons[page].append(path)
        elif path.startswith("data/") and path.endswith(".yml"):
            name = path.removeprefix("data/")
            for page in pages:
                text = (docs / page).read_text(encoding="utf-8")
                used = page_data(text, parse, facts)
                if name not in known_data or used is None or name in used:
                    reasons[page].append(path)
        else:
            unmapped.append(path)

    found = []
    for page in pages:
        if reasons[page]:
            url, built = built_path(page, directory_urls)
            found.append(Page(page, url, built, tuple(reasons[page])))
    return Changes(tuple(found), tuple(removed), tuple(unmapped))

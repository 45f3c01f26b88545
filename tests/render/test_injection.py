"""A payload in every text field of every data file and in every front-matter value the
templates print reaches the built site as text, never as live markup.

This tests the first line of defence, escaping at the point of output, on its own: the
build runs with the data layer's refusal of markup, line breaks and invisible characters
switched off (a copy of the repository, built in a subprocess), so every payload gets
through to the renderers and the theme. The second line, the refusals, is tested by the
hostile corpus (tests/data/test_hostile_corpus.py). One build holds every payload, each
with its own number, so a live one names its field.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.data.datasets import DATASETS
from scripts.data.models import Xrefs
from scripts.render.api import CHARTS
from scripts.render.specs import TABLES
from tests.support.live_markup import live_markup, live_markup_in_site, marker, payload
from tests.support.repo import copy_repo

# The build, with the refusals that would stop a payload switched off in its own process.
RELAXED_BUILD = """
import re, sys
from scripts.data import models
models.MARKUP = re.compile(r"(?!)")
models.LINE_BREAKS = frozenset()
models.HIDDEN_CATEGORIES = frozenset()
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
cli()
"""
# The page whose nav entry loses its title (so the theme names it by its front matter)
# and whose own <h1> goes (so the theme prints the title as the page heading).
UNTITLED = "sources.md"
SHOWCASE = "about.md"  # gets a call of every macro with every name


def text_fields(model: type) -> list[str]:
    """The YAML keys of a model's free-text fields (the schema's Text type) and its url."""
    keys = []
    for name, info in model.model_fields.items():
        if "plain_text" in repr(info.annotation) + repr(info.metadata) or name == "url":
            keys.append(info.alias or name)
    return keys


class Injector:
    """Numbers payloads and remembers where each one went."""

    def __init__(self) -> None:
        self.places: dict[int, str] = {}

    def value(self, place: str, brackets: bool = True) -> str:
        number = len(self.places) + 1
        self.places[number] = place
        return payload(number, brackets)

    def url(self, place: str) -> str:
        number = len(self.places) + 1
        self.places[number] = place
        # An address the schema accepts (an authoritative host, no spaces) that tries to
        # leave its attribute.
        return f'https://www.nhs.uk/ktp{number}x"onmouseover="alert({number})"><svg/onload=1>'

    def rows(self, label: str, rows: list[dict], model: type) -> None:
        for row in rows:
            for key in text_fields(model):
                if row.get(key) is None or (key == "unit" and row.get("kind")):
                    continue  # an unset field stays unset: setting it changes the row's meaning
                place = f"{label} {row.get('id')} {key}"
                if key == "forms":  # a list of words written into the snippet as terms are
                    row[key] = [self.value(place, brackets=False)]
                elif key == "url":
                    row[key] = self.url(place)
                else:
                    # A glossary term may not hold brackets (the tooltips snippet refuses to
                    # write one): its payload tries every other way out.
                    row[key] = self.value(place, brackets=key != "term")


def inject_data(repo: Path, injector: Injector) -> None:
    for dataset in DATASETS:
        path = repo / "data" / dataset.file
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = document[dataset.key]
        if dataset.rows:
            injector.rows(dataset.file, body, dataset.model)
        else:
            injector.rows(
                f"{dataset.file} topics",
                body["topics"],
                Xrefs.model_fields["topics"].annotation.__args__[0],
            )
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def inject_pages(repo: Path, injector: Injector) -> None:
    for page in sorted((repo / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        _, block, body = text.split("---\n", 2)
        meta = yaml.safe_load(block)
        meta["title"] = injector.value(f"docs/{page.name} title")
        # The description has a length limit; its payload is the shortest that still tries
        # to leave an attribute and open a tag.
        number = len(injector.places) + 1
        injector.places[number] = f"docs/{page.name} description"
        meta["description"] = f'ktp{number}x" onmouseover="alert({number})"><svg/onload=1>'
        if page.name == UNTITLED:
            body = re.sub(r"(?m)^# .*$", "", body, count=1)
        page.write_text(f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n{body}", "utf-8")


def showcase_every_macro(repo: Path, topics: list[str], facts: list[str]) -> None:
    """Every name of every macro on one page, so every field is rendered somewhere."""
    calls = [f'{{{{ xref("{name}") }}}}' for name in topics]
    calls += [f'{{{{ fact("{name}") }}}}' for name in facts]
    calls += [f'{{{{ table("{name}") }}}}' for name in TABLES]
    calls += [f'{{{{ chart("{name}", with_table=False) }}}}' for name in CHARTS]
    calls += ["{{ crisis_help() }}", "{{ crisis_help(brief=True) }}", "{{ glossary() }}"]
    with (repo / "docs" / SHOWCASE).open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + "\n\n".join(calls) + "\n")


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str]]:
    repo = copy_repo(tmp_path_factory.mktemp("injected"))
    xrefs = yaml.safe_load((repo / "data/xrefs.yml").read_text(encoding="utf-8"))
    facts = yaml.safe_load((repo / "data/facts.yml").read_text(encoding="utf-8"))
    showcase_every_macro(
        repo, [t["id"] for t in xrefs["xrefs"]["topics"]], [f["id"] for f in facts["facts"]]
    )
    injector = Injector()
    inject_data(repo, injector)
    inject_pages(repo, injector)
    config = repo / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    titled = re.compile(rf"- [^:\n]+: {re.escape(UNTITLED)}$", re.M)
    assert titled.search(nav), f"{UNTITLED} has no titled nav entry to untitle"
    config.write_text(titled.sub(f"- {UNTITLED}", nav, count=1), "utf-8")
    site = repo / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-c", RELAXED_BUILD, str(site)],
        cwd=repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return site, injector.places


def test_no_payload_is_live_anywhere(injected_site: tuple[Path, dict[int, str]]) -> None:
    site, places = injected_site
    found = live_markup_in_site(site)
    named = {
        page: [re.sub(r"\d+", lambda m: places.get(int(m[0]), m[0]), f) for f in problems]
        for page, problems in found.items()
    }
    assert not found, named


def test_payloads_reach_the_pages_as_text(injected_site: tuple[Path, dict[int, str]]) -> None:
    """Otherwise the test above would pass for fields that are never shown: every kind of
    field the site shows is seen as text (or as a whole attribute value) somewhere."""
    site, places = injected_site
    shown = set()
    for page in site.rglob("*.html"):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        words = tree.body.text() + tree.head.html if tree.body and tree.head else ""
        shown.update(int(n) for n in re.findall(r"ktp(\d+)x", words))
    missing = [place for number, place in places.items() if number not in shown]
    repo = site.parent
    cited = " ".join(path.read_text(encoding="utf-8") for path in (repo / "docs").rglob("*.md"))
    cited += " ".join(
        path.read_text(encoding="utf-8")
        for path in (repo / "data").glob("*.yml")
        if path.name != "sources.yml"
    )
    # A fact's `about` says what the figure is, for editors: no page shows it. A glossary
    # form becomes a tooltip only where a page uses that word, which a payload never is; a
    # source's short name shows only where something cites it. A checklist question claims
    # nothing, so its source_note (why it has no source) is for editors only.
    unshown = [
        place
        for place in missing
        if not place.endswith((" about", " forms"))
        and not (place.startswith("provider_questions.yml") and place.endswith(" source_note"))
        and not (place.endswith(" short") and place.split()[1] not in _cited_ids(cited))
    ]
    assert unshown == []


def _cited_ids(text: str) -> set[str]:
    """Every source id a page cites or a data row names as its source."""
    return set(re.findall(r"""(?:cite\(\s*["']|source: |also: \[)([a-z0-9-]+)""", text))


def test_front_matter_is_escaped_in_head_header_and_navigation(
    injected_site: tuple[Path, dict[int, str]],
) -> None:
    site, places = injected_site
    by_place = {place: number for number, place in places.items()}
    html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    title_number = by_place[f"docs/{UNTITLED} title"]
    description_number = by_place[f"docs/{UNTITLED} description"]
    assert marker(title_number) in tree.css_first("title").text()
    assert (
        tree.css_first('meta[name="description"]')
        .attributes["content"]
        .startswith(marker(description_number) + '" onmouseover')
    )
    assert marker(title_number) in tree.css_first(".md-header__topic:last-child").text()
    assert marker(title_number) in tree.css_first("article h1").text()
    nav_titles = " ".join(node.text() for node in tree.css(".md-nav__link"))
    assert marker(title_number) in nav_titles


def test_the_real_site_has_no_live_markup(tmp_path: Path) -> None:
    """The detector's premise: the unchanged site has nothing it would flag."""
    from tests.support.repo import REPO, mkdocs_build

    result = mkdocs_build(REPO, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    assert live_markup_in_site(tmp_path / "site") == {}
    assert live_markup(f"<p>{payload(1)}</p>")  # and it does flag a live payload

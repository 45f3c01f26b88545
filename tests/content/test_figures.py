"""Each figure a page shows equals the figure in data/.

The expectations are worked out here from the raw YAML (read with PyYAML, not
through the site's loader), so a wrong lookup, a dropped row or a stale value
on a built page fails the test.

* Inline figures: for every fact("id") call on a page, the page shows the
  fact's qualifier, its number(s) (or its words) and then its source's name (the
  figure links to it) or the "source not confirmed" mark.
* Tables (and the tables beside charts): every row of the data file is shown,
  in order, with its figure and, where no source confirms it, the visible
  "source not confirmed" mark.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborNode

from tests.content.site import article, parse
from tests.content.source import read_page
from tests.support.pages import markdown_pages, page_url
from tests.support.repo import REPO

PAGES = markdown_pages()
IDS = [page_url(p) for p in PAGES]
# fact("id"): how the figure is written follows its kind in data/facts.yml, never the page.
FACT_CALL_RE = re.compile(r"""\{\{\s*fact\(\s*["']([^"']+)["']\s*\)\s*\}\}""")
TABLE_CALL_RE = re.compile(r"""\{\{\s*(table|chart)\(\s*["']([^"']+)["']\s*\)\s*\}\}""")
# Which data key each chart draws from (a chart shows that table beside it).
CHART_TABLES = {"session_length": "methods", "onset": "comparison"}
# The figure column of each table: data field and the unit readers see.
FIGURE_COLUMNS = {
    "conditions": ("success_rate", "%"),
    "methods": ("session_minutes", "minutes"),
    "common_effects": ("percent", "%"),
    "immediate_effects": ("percent", "%"),
    "risks": ("percent", "%"),
    "comparison": ("onset_text", ""),
}
UNCONFIRMED = "source not confirmed"
PREFIX_UNITS = {"£", "$", "€"}


@cache
def data_rows(key: str) -> list[dict]:
    """The rows under top-level `key` of whichever data/*.yml file holds it."""
    for path in sorted((REPO / "data").glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if key in document:
            return document[key]
    raise KeyError(f"no data file has the top-level key {key!r}")


def row(key: str, row_id: str) -> dict:
    return next(r for r in data_rows(key) if r["id"] == row_id)


def number(value: float, decimals: int | None = None) -> str:
    """A number as readers see it: 3000 -> 3,000, 0.5 -> 0.5, 52.0 -> 52 (52.0 with decimals 1)."""
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def fact_pattern(fact: dict) -> re.Pattern[str]:
    """What the page must show for a fact: qualifier, figure, then its citation."""
    figure, cited = fact, fact
    if "from" in fact:
        key, row_id, field = fact["from"].split(".")
        cited = row(key, row_id)
        borrowed = cited[field]
        # A borrowed figure keeps its table's unit (50 -> 50%), or is words ("up to two weeks").
        figure = {"text": borrowed} if isinstance(borrowed, str) else {"value": borrowed}
        column_field, column_unit = FIGURE_COLUMNS.get(key, ("", ""))
        if column_field == field and column_unit and "unit" not in fact:
            fact = {**fact, "unit": column_unit}
    value = figure.get("value")
    places = fact.get("decimals")
    if "text" in figure:
        parts = [figure["text"]]
    elif isinstance(value, dict):
        parts = [number(value["min"], places), number(value["max"], places)]
    elif "min" in figure:
        parts = [number(figure["min"], places), number(figure["max"], places)]
    elif fact.get("kind") == "chance" and fact.get("unit", "%") == "%":
        parts = [f"1 in {round(100 / value)}"]
    else:
        parts = [number(value, places)]
    chance_of_percent = fact.get("kind") == "chance" and fact.get("unit") == "%"
    unit = "" if "text" in figure or chance_of_percent else fact.get("unit", "")
    if unit in PREFIX_UNITS:
        parts[0], unit = unit + parts[0], ""
    elif unit == "1 in":
        parts[0], unit = f"1 in {parts[0]}", ""
    # Between the numbers of a range only a unit and "to" may stand.
    figure_re = r"\S{0,2} to ".join(re.escape(p) for p in parts)
    suffix = ("" if unit in ("", "%") else " ") + unit
    if fact.get("per"):
        suffix += f" {fact['per']}"
    qualifier = f"{fact['qualifier']} " if fact.get("qualifier") else ""
    source = cited.get("source")
    # A sourced figure links to its source, named for screen readers right after it; a
    # phone number is a tel: link, cited by its sentence; an unsourced figure says so.
    mark = f" (source: {row('sources', source)['short']})" if source else f" {UNCONFIRMED}"
    if fact.get("tel"):
        mark = ""
    return re.compile(
        rf"(?<!\w){re.escape(qualifier)}{figure_re}{re.escape(suffix)}{re.escape(mark)}"
    )


def page_text(site: Path, page: Path) -> str:
    return " ".join(article(parse(site, page)).text().split())


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_inline_figures_equal_the_data(built_site: Path, page: Path) -> None:
    text = page_text(built_site, page)
    for fact_id in FACT_CALL_RE.findall(read_page(page).body):
        pattern = fact_pattern(row("facts", fact_id))
        assert pattern.search(text), f"docs/{page}: fact {fact_id!r} not shown as {pattern.pattern}"


def cell_figure(cell: LexborNode) -> str:
    """A figure cell's visible figure, without the screen-reader source note."""
    for hidden in cell.css(".kt-sr"):
        hidden.decompose()
    return " ".join(cell.text().split())


def expected_cell(data_row: dict, field: str, unit: str) -> str:
    value = data_row.get(field)
    if value is None:
        return "–"
    if isinstance(value, dict) and unit == "%":
        figure = f"{number(value['min'])}% to {number(value['max'])}%"
    elif isinstance(value, dict):
        figure = f"{number(value['min'])} to {number(value['max'])} {unit}".strip()
    elif isinstance(value, str):
        figure = value
    else:
        figure = f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}".strip()
    return figure if data_row.get("source") else f"{figure} {UNCONFIRMED}"


def shown_tables(page: Path) -> list[str]:
    keys = []
    for kind, name in TABLE_CALL_RE.findall(read_page(page).body):
        keys.append(CHART_TABLES.get(name, name) if kind == "chart" else name)
    return [key for key in keys if key in FIGURE_COLUMNS]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_table_figures_equal_the_data(built_site: Path, page: Path) -> None:
    root = article(parse(built_site, page))
    for key in shown_tables(page):
        caption = root.css_first(f"caption#kt-table-{key}")
        assert caption is not None, f"docs/{page}: table {key!r} is not on the page"
        body_rows = caption.parent.css("tbody tr")
        rows = data_rows(key)
        assert len(body_rows) == len(rows), f"docs/{page}: {key} shows {len(body_rows)} rows"
        field, unit = FIGURE_COLUMNS[key]
        header = [th.text().strip() for th in caption.parent.css("thead th")]
        for data_row, tr in zip(rows, body_rows, strict=True):
            cells = tr.css("th, td")
            shown = [cell_figure(c) for c in cells]
            expected = expected_cell(data_row, field, unit)
            assert expected in shown, (
                f"docs/{page}: {key} row {data_row['id']!r} shows {shown} under {header}, "
                f"expected {expected!r}"
            )


def test_fact_calls_are_all_found() -> None:
    body = 'A {{ fact("a") }} b {{ fact(\'b\') }} c {{fact( "c" )}}'
    assert FACT_CALL_RE.findall(body) == ["a", "b", "c"]


def test_a_chance_is_expected_as_1_in_n_and_a_rate_as_a_percentage() -> None:
    chance = {
        "value": 10,
        "unit": "%",
        "qualifier": "about",
        "kind": "chance",
        "source": "fava-2018",
    }
    rate = {**chance, "kind": "rate"}
    assert fact_pattern(chance).search("about 1 in 10 (source: Fava et al., 2018)")
    assert not fact_pattern(chance).search("about 10% (source: Fava et al., 2018)")
    assert fact_pattern(rate).search("about 10% (source: Fava et al., 2018)")


def test_the_pattern_rejects_a_wrong_figure() -> None:
    fact = {"value": 40, "unit": "minutes", "source": "fava-2018"}
    pattern = fact_pattern(fact)
    assert pattern.search("given over 40 minutes (source: Fava et al., 2018).")
    assert not pattern.search("given over 45 minutes (source: Fava et al., 2018).")
    assert not pattern.search("given over 40 minutes (source: Han et al., 2016).")


def test_an_unconfirmed_table_figure_must_say_so() -> None:
    unconfirmed = {"id": "euphoria", "percent": 30, "source_note": "The article's figure."}
    assert expected_cell(unconfirmed, "percent", "%") == "30% source not confirmed"
    sourced = {"id": "iv", "session_minutes": {"min": 45, "max": 60}, "source": "fava-2018"}
    assert expected_cell(sourced, "session_minutes", "minutes") == "45 to 60 minutes"
    shares = {"id": "d", "percent": {"min": 61, "max": 84}, "source": "fava-2018"}
    assert expected_cell(shares, "percent", "%") == "61% to 84%"
    assert expected_cell({"id": "n", "source": "fava-2018"}, "percent", "%") == "–"

"""The one table renderer: escaped values, cited figures, accessible markup."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data.figures import Figure
from scripts.data.models import SourceRow
from scripts.render.citations import UNCONFIRMED, Citer, PageLinks
from scripts.render.tables import Cited, Column, Source, TableSpec, render_table

SOURCES = {"s1": SourceRow(id="s1", publisher="P", title="T", short="Short one")}


@dataclass
class Row:
    name: str
    share: float
    source: str | None
    note: str | None = None


SPEC = TableSpec(
    "things",
    "Things <and> stuff",
    (
        Column("Thing", lambda r: r.name),
        Column(
            "Share",
            lambda r: Figure(value=r.share, unit="%", source=r.source, source_note=r.note),
            numeric=True,
        ),
        Column("Source", lambda r: Source(r.source, r.note)),
    ),
)
ROWS = [Row("<script>alert(1)</script>", 30, "s1"), Row("Plain & simple", 12.5, None, "not known")]


def render(page: str = "benefits.md") -> HTMLParser:
    return HTMLParser(render_table(SPEC, ROWS, Citer(SOURCES, PageLinks(page))))


def test_values_are_escaped() -> None:
    html = render_table(SPEC, ROWS, Citer(SOURCES, PageLinks("benefits.md")))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tree = HTMLParser(html)
    assert tree.css_first("tbody th").text() == "<script>alert(1)</script>"
    assert tree.css_first("caption").text() == "Things <and> stuff"


def test_every_body_cell_is_labelled_by_its_column() -> None:
    """On a phone each row is a block of cells, each shown with its column's header."""
    tree = render()
    headers = [th.text() for th in tree.css("thead th")]
    for row in tree.css("tbody tr"):
        labels = [cell.attributes.get("data-label") for cell in row.css("th, td")]
        assert labels == headers


def test_a_header_is_escaped_in_its_label() -> None:
    spec = TableSpec("x", "X", (Column('Say "hi" <b>&', lambda r: r.name),))
    html = render_table(spec, ROWS[:1], Citer(SOURCES, PageLinks("benefits.md")))
    assert 'data-label="Say &quot;hi&quot; &lt;b&gt;&amp;"' in html
    assert HTMLParser(html).css_first("tbody th").attributes["data-label"] == 'Say "hi" <b>&'


def test_the_parts_state_their_table_roles() -> None:
    """Laid out as blocks on a phone, the table keeps its meaning for screen readers."""
    tree = render()
    assert tree.css_first("table").attributes["role"] == "table"
    assert {g.attributes["role"] for g in tree.css("thead, tbody, tfoot")} == {"rowgroup"}
    # Rows and cells keep their own meaning: the HTML standard allows them no explicit role
    # inside a table with role="table" (the Nu HTML Checker reports one).
    assert not any("role" in cell.attributes for cell in tree.css("tr, th, td"))


def test_markup_is_accessible() -> None:
    tree = render()
    box = tree.css_first("div.kt-table")
    assert box.attributes["role"] == "region" and box.attributes["tabindex"] == "0"
    caption = tree.css_first("caption")
    assert box.attributes["aria-labelledby"] == caption.attributes["id"]
    assert [th.attributes["scope"] for th in tree.css("thead th")] == ["col"] * 3
    assert [th.attributes["scope"] for th in tree.css("tbody th")] == ["row"] * 2


@pytest.mark.parametrize(
    ("page", "href"), [("benefits.md", "../sources/#s1"), ("index.md", "sources/#s1")]
)
def test_figures_link_to_their_source(page: str, href: str) -> None:
    tree = render(page)
    link = tree.css_first("td a.kt-fig")
    assert link.attributes["href"] == href
    assert link.text(deep=False) == "30%"
    assert "Short one" in link.css_first(".kt-sr").text()


def test_a_figure_without_source_is_marked() -> None:
    cells = render().css("tbody tr")[1].css("td")
    assert cells[0].text().startswith("12.5%")
    mark = cells[0].css_first(".kt-source-needed")
    assert mark.text() == UNCONFIRMED and mark.attributes["title"] == "not known"
    assert cells[1].css_first(".kt-source-needed") is not None


def test_the_real_specs_cover_every_table_file() -> None:
    from scripts.render.specs import TABLES

    assert set(TABLES) == {
        "conditions",
        "methods",
        "comparison",
        "common_effects",
        "immediate_effects",
        "risks",
        "monitoring",
        "candidacy",
        "other_treatments",
        "interactions",
    }


CITED_SPEC = TableSpec(
    "cells",
    "Cells with their own sources",
    (
        Column("Thing", lambda r: r.name),
        Column("Said", lambda r: Cited(r.name + " <b>said</b>", r.source, r.note)),
    ),
)


def test_each_cited_cell_shows_its_own_source_or_the_reason_there_is_none() -> None:
    html = render_table(CITED_SPEC, ROWS, Citer(SOURCES, PageLinks("benefits.md")))
    assert "<b>" not in html and "<script>" not in html
    first, second = (row.css("td")[0] for row in HTMLParser(html).css("tbody tr"))
    assert first.text().startswith("<script>alert(1)</script> <b>said</b>")
    assert first.css_first("a.kt-cite").attributes["href"] == "../sources/#s1"
    assert second.css_first(".kt-source-needed").text() == UNCONFIRMED
    # The reason is written out for every reader, not only in a tooltip.
    assert "not known" in HTMLParser(html).css_first("tfoot").text()

"""Charts are inline SVG: accessible, theme-coloured, scalable, drawn from the data."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data import SiteData
from scripts.data.models import CommonEffectRow, EffectRow, MethodRow, PercentSpan, Span
from scripts.render import charts
from scripts.render.api import CHARTS


def draw(name: str, site_data: SiteData) -> str:
    key, function = CHARTS[name]
    return function(site_data.tables[key])


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_is_accessible_and_scalable(name: str, site_data: SiteData) -> None:
    html = draw(name, site_data)
    tree = HTMLParser(html)
    svg = tree.css_first("svg")
    assert svg.attributes["role"] == "img"
    title_id, desc_id = svg.attributes["aria-labelledby"].split()
    assert tree.css_first(f"title#{title_id}").text()
    assert tree.css_first(f"desc#{desc_id}").text()
    assert re.fullmatch(r"0 0 400 \d+", svg.attributes["viewBox"])
    assert svg.attributes["width"] == "100%" and "height" not in svg.attributes
    assert tree.css_first("figure figcaption").text()
    assert "<script" not in html


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_colours_come_from_the_stylesheet(name: str, site_data: SiteData) -> None:
    html = draw(name, site_data)
    assert not re.search(r'(fill|stroke|style)="', html), "colours belong in data.css"
    assert HTMLParser(html).css("rect.kt-chart__bar")


def test_bar_lengths_follow_the_percentages() -> None:
    rows = [
        EffectRow(id="a", effect="A", percent=50, source="s"),
        EffectRow(id="b", effect="B", percent=10, source_note="n"),
    ]
    tree = HTMLParser(charts.effects_chart(rows))
    widths = [float(r.attributes["width"]) for r in tree.css("rect")]
    assert widths[0] == pytest.approx(5 * widths[1])
    assert "kt-chart__bar--unconfirmed" in tree.css("rect")[1].attributes["class"]
    assert "A: 50%; B: 10%" in tree.css_first("desc").text()


def test_confirmed_effects_draw_only_rows_with_a_rate_and_say_where_each_comes_from() -> None:
    rows = [
        CommonEffectRow(
            id="d",
            effect="Dissociation",
            seen_in="esketamine",
            percent=PercentSpan(min=60, max=80),
            note="n",
            source="s",
        ),
        CommonEffectRow(id="z", effect="Dizziness", seen_in="esketamine", note="n", source="s"),
        CommonEffectRow(
            id="f", effect="First infusion", seen_in="ketamine", percent=10, note="n", source="s"
        ),
    ]
    tree = HTMLParser(charts.common_effects_chart(rows))
    labels = [t.text() for t in tree.css("text.kt-chart__label")]
    assert labels == ["Dissociation", "First infusion"]
    notes = [t.text() for t in tree.css("text.kt-chart__note")]
    assert notes == [CommonEffectRow.SEEN_IN["esketamine"], CommonEffectRow.SEEN_IN["ketamine"]]
    span, single = tree.css("rect")
    # A range starts at its low end; a single figure starts at 0, and 10 is half of 60 to 80.
    assert float(span.attributes["x"]) == pytest.approx(3 * float(span.attributes["width"]))
    assert float(single.attributes["x"]) == 0
    assert float(single.attributes["width"]) == pytest.approx(float(span.attributes["width"]) / 2)
    assert [t.text() for t in tree.css("text.kt-chart__value")] == ["60%–80%", "10%"]
    assert "Dissociation, Esketamine trials: 60% to 80%" in tree.css_first("desc").text()
    assert "kt-chart__bar--unconfirmed" not in str(tree.html)


def test_session_ranges_start_at_their_minimum() -> None:
    rows = [
        MethodRow(
            id="x",
            name="X",
            how="h",
            notes="n",
            session_minutes=Span(min=30, max=60),
            source_note="n",
        )
    ]
    rect = HTMLParser(charts.session_length_chart(rows)).css_first("rect")
    assert float(rect.attributes["x"]) == pytest.approx(float(rect.attributes["width"]))


def test_onset_chart_compares_hours_with_weeks(site_data: SiteData) -> None:
    tree = HTMLParser(draw("onset", site_data))
    labels = [t.text() for t in tree.css("text.kt-chart__label")]
    assert labels == ["Ketamine therapy", "Standard antidepressants"]
    notes = [t.text() for t in tree.css("text.kt-chart__note")]
    assert notes == ["Within hours for some people", "Usually weeks, sometimes months"]
    ketamine, tablets = (float(r.attributes["x"]) for r in tree.css("rect"))
    assert ketamine < tablets


def test_caption_says_which_figures_have_no_source() -> None:
    assert charts.unconfirmed_note(["A", "B"], [True, True]) == ""
    assert charts.unconfirmed_note(["A", "B"], [False, False]) == (
        "These figures are not confirmed by a published source."
    )
    assert charts.unconfirmed_note(["Ketamine", "Standard tablets"], [True, False]) == (
        "The entry for standard tablets is not confirmed by a published source."
    )
    assert charts.unconfirmed_note(["IV drip", "Spray", "Shot"], [False, True, False]) == (
        "The entries for IV drip and shot are not confirmed by a published source."
    )


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_caption_follows_the_sources_in_the_data(name: str, site_data: SiteData) -> None:
    key, _ = CHARTS[name]
    rows = site_data.tables[key]
    caption = HTMLParser(draw(name, site_data)).css_first("figcaption").text()
    assert ("not confirmed by a published source" in caption) == any(
        row.source is None for row in rows
    )

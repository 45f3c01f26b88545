"""The crisis box, the sources list, the glossary and the tooltip snippet."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data import SiteData
from scripts.data.errors import UnknownNameError
from scripts.data.models import GlossaryRow
from scripts.render import boxes
from scripts.render.api import SiteMacros
from scripts.render.citations import Citer, PageLinks


def citer(site_data: SiteData, page: str = "benefits.md") -> Citer:
    return Citer(site_data.sources, PageLinks(page))


def test_crisis_heading_is_built_from_the_data(site_data: SiteData) -> None:
    lines = site_data.crisis_lines
    assert boxes.crisis_heading(lines) == "Call 988 or 999 now if:"
    changed = [line.model_copy(update={"in_heading": line.number == "999"}) for line in lines]
    assert boxes.crisis_heading(changed) == "Call 999 now if:"


def test_crisis_box_is_open_with_tel_links_and_sources(site_data: SiteData) -> None:
    html = boxes.crisis_box(site_data.crisis_lines, citer(site_data))
    tree = HTMLParser(html)
    assert "<details" not in html and "hidden" not in html
    box = tree.css_first("aside.kt-crisis")
    heading = tree.css_first("#" + box.attributes["aria-labelledby"])
    assert heading.text() == "Call 988 or 999 now if:"
    tels = {a.attributes["href"] for a in tree.css("a.kt-crisis__number")}
    assert {"tel:988", "tel:999", "tel:116123", "tel:111", "tel:911", "tel:08001111"} == tels
    items = tree.css("ul.kt-crisis__lines > li")
    assert len(items) == len(site_data.crisis_lines)
    for item, line in zip(items, site_data.crisis_lines, strict=True):
        source = item.css_first(".kt-crisis__source")
        if line.source:
            assert source.css_first("a").text() == site_data.sources[line.source].short
        else:
            assert source.text() == f"({line.source_note})"
    reasons = [" ".join(li.text().split()) for li in tree.css("ul.kt-crisis__reasons li")]
    assert reasons[0].startswith("988 (United States): ")


def test_brief_crisis_line_gives_the_urgent_numbers_and_links_to_the_full_box(
    site_data: SiteData,
) -> None:
    lines = site_data.crisis_lines
    brief = HTMLParser(boxes.crisis_brief(lines))
    urgent = [line for line in lines if line.in_heading]
    tels = [a.attributes["href"] for a in brief.css("a.kt-crisis__number")]
    assert tels[: len(urgent)] == [f"tel:{line.tel}" for line in urgent]
    assert all(f"({line.region})" in brief.text() for line in urgent)
    full = HTMLParser(boxes.crisis_box(lines, citer(site_data)))
    target = brief.css_first("a:not(.kt-crisis__number)").attributes["href"]
    assert full.css_first(target).attributes["class"] == "kt-crisis__heading"


def test_crisis_lines_are_grouped_by_region_in_first_seen_order(site_data: SiteData) -> None:
    lines = list(site_data.crisis_lines)
    # A line for the first region placed last still joins its region's group.
    lines.append(lines[0].model_copy(update={"id": "extra", "service": "Extra line"}))
    tree = HTMLParser(boxes.crisis_box(lines, citer(site_data)))
    regions = [p.text() for p in tree.css("p.kt-crisis__region")]
    assert regions == list(dict.fromkeys(line.region for line in lines))
    first_group = tree.css_first("p.kt-crisis__region").next
    services = [strong.text() for strong in first_group.css("li > strong")]
    assert services[-1] == "Extra line"
    assert len(services) == sum(line.region == lines[0].region for line in lines)


def test_sources_list_gives_each_source_an_anchor(site_data: SiteData) -> None:
    tree = HTMLParser(boxes.sources_list(tuple(site_data.sources.values())))
    ids = [li.attributes["id"] for li in tree.css("ol.kt-sources > li")]
    assert ids == list(site_data.sources)
    without_url = [s.id for s in site_data.sources.values() if s.url is None]
    for source_id in without_url:
        assert tree.css_first(f"li#{source_id} a") is None


def test_glossary_is_sorted_with_anchors(site_data: SiteData) -> None:
    tree = HTMLParser(boxes.glossary_list(site_data.glossary))
    terms = [dt.text() for dt in tree.css("dl.kt-glossary dt")]
    assert terms == sorted(terms, key=str.casefold)
    assert tree.css_first("dt#nmda").text() == "NMDA"


def test_abbreviation_snippet_has_one_line_per_tooltip_term_and_form(
    site_data: SiteData,
) -> None:
    text = boxes.abbreviations(site_data.glossary)
    lines = text.splitlines()
    assert len(lines) == sum(1 + len(row.forms) for row in site_data.glossary if row.tooltip)
    assert all(line.startswith("*[") and "]: " in line for line in lines)
    assert "*[NMDA]: " in text and "*[dissociation]" not in text


def test_each_form_of_a_term_shows_the_terms_definition() -> None:
    row = GlossaryRow(
        id="response",
        term="respond",
        definition="To get  clearly better.",
        tooltip=True,
        forms=["responded", "response"],
    )
    assert boxes.abbreviations([row]).splitlines() == [
        "*[respond]: To get clearly better.",
        "*[responded]: To get clearly better.",
        "*[response]: To get clearly better.",
    ]


@pytest.mark.parametrize("word", ["respond", "responded", "remission", "off-label", "placebo"])
def test_the_words_readers_stumble_on_have_tooltips(site_data: SiteData, word: str) -> None:
    assert f"*[{word}]: " in boxes.abbreviations(site_data.glossary)


def test_page_sources_lists_the_front_matter_in_order(site_data: SiteData) -> None:
    macros = SiteMacros(
        site_data, lambda: "guides/page.md", True, lambda: ["nice-ta854", "fava-2018"]
    )
    lines = macros.page_sources().splitlines()
    assert [line.split("(")[-1].split(")")[0] for line in lines] == [
        "../sources.md#nice-ta854",
        "../sources.md#fava-2018",
    ]
    assert all(line.startswith("- [") and line.endswith("{ .kt-source }") for line in lines)


def test_page_sources_refuses_an_unknown_source(site_data: SiteData) -> None:
    macros = SiteMacros(site_data, lambda: "benefits.md", True, lambda: ["nice-ta855"])
    with pytest.raises(UnknownNameError, match="nice-ta854"):
        macros.page_sources()


def test_brief_crisis_line_offers_the_non_emergency_route_once_per_number(
    site_data: SiteData,
) -> None:
    lines = site_data.crisis_lines
    brief = HTMLParser(boxes.crisis_brief(lines))
    text = " ".join(brief.text().split())
    tels = [a.attributes["href"] for a in brief.css("a.kt-crisis__number")]
    routes = [line for line in lines if line.in_brief]
    assert routes and tels[-1] == f"tel:{routes[0].tel}" and tels.count("tel:111") == 1
    assert "Urgent but not an emergency? Call 111 (England, Wales and Scotland)." in text
    # A line without an area makes the number speak for its whole region.
    vague = [line.model_copy(update={"area": None}) if line.in_brief else line for line in lines]
    assert "Call 111 (United Kingdom)." in HTMLParser(boxes.crisis_brief(vague)).text()
    # With no route marked, the brief gives the emergency numbers only.
    none = [line.model_copy(update={"in_brief": False}) for line in lines]
    assert "not an emergency" not in boxes.crisis_brief(none)


def test_brief_crisis_line_escapes_its_values(site_data: SiteData) -> None:
    lines = [
        line.model_copy(update={"area": "<b>Here</b>"}) if line.in_brief else line
        for line in site_data.crisis_lines
    ]
    html = boxes.crisis_brief(lines)
    assert "<b>" not in html and "&lt;b&gt;Here&lt;/b&gt;" in html

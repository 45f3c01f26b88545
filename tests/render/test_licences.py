"""The licence-status note: grouped by product and region, dated, cited and escaped."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data import SiteData
from scripts.data.models import LicenceRow, SourceRow
from scripts.render.citations import Citer, PageLinks
from scripts.render.licences import LICENCE_HEADING_ID, licence_note


def citer(site_data: SiteData, page: str = "benefits.md") -> Citer:
    return Citer(site_data.sources, PageLinks(page))


def row(**fields: object) -> LicenceRow:
    base = {
        "id": "r",
        "product": "esketamine",
        "region": "United States",
        "kind": "licence",
        "statement": "Licensed for something",
        "source": "fda-2019-spravato",
    }
    return LicenceRow.model_validate({**base, **fields})


def test_products_and_regions_keep_the_data_order(site_data: SiteData) -> None:
    rows = site_data.tables["licences"]
    tree = HTMLParser(licence_note(rows, citer(site_data)))
    products = [p.text() for p in tree.css("p.kt-licence__product")]
    assert products == [LicenceRow.PRODUCTS[r] for r in dict.fromkeys(r.product for r in rows)]
    first = [strong.text() for strong in tree.css("ul.kt-licence__regions")[0].css("li > strong")]
    assert first == ["United States:", "European Union:", "United Kingdom:", "Scotland:"]
    heading = tree.css_first("aside.kt-licence").attributes["aria-labelledby"]
    assert heading == LICENCE_HEADING_ID and tree.css_first(f"#{heading}").text()


def test_every_row_is_shown_with_all_its_sources(site_data: SiteData) -> None:
    rows = site_data.tables["licences"]
    tree = HTMLParser(licence_note(rows, citer(site_data)))
    text = " ".join(tree.text().split())
    links = [a.attributes["href"] for a in tree.css("a.kt-cite")]
    for licence in rows:
        assert licence.statement in text, licence.id
        for source in [licence.source, *licence.also]:
            assert f"../sources/#{source}" in links, (licence.id, source)


def test_the_uk_wording_is_the_licence_and_nices_own_words(site_data: SiteData) -> None:
    text = " ".join(
        HTMLParser(licence_note(site_data.tables["licences"], citer(site_data))).text().split()
    )
    assert "United Kingdom: Licensed for treatment-resistant depression" in text
    assert "NICE does not recommend it, within its marketing authorisation," in text
    assert "acute suicidal thoughts or behaviour" in text and "since August 2020" in text
    assert "on its own, without an antidepressant tablet" in text and "since January 2025" in text


def test_a_licence_runs_since_its_date_and_advice_is_dated() -> None:
    sources = {"fda-2019-spravato": _source()}
    rows = [row(since="March 2019"), row(id="a", kind="advice", since="May 2020"), row(id="n")]
    html = licence_note(rows, Citer(sources, PageLinks("index.md")))
    assert "Licensed for something (since March 2019; <a" in html
    assert "Licensed for something (May 2020; <a" in html
    assert html.count('class="kt-cite"') == 3


def test_a_row_without_a_source_says_so() -> None:
    html = licence_note(
        [row(source=None, source_note="Not found")], Citer({}, PageLinks("index.md"))
    )
    assert 'title="Not found">source not confirmed</span>' in html


def test_every_value_is_escaped() -> None:
    # The schema refuses markup in data; the renderer escapes anyway (a second line).
    hostile = row().model_copy(update={"statement": '<img src=x onerror="alert(1)">'})
    html = licence_note([hostile], Citer({"fda-2019-spravato": _source()}, PageLinks("a.md")))
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "S &amp; P" in html


def _source() -> SourceRow:
    return SourceRow(id="fda-2019-spravato", publisher="P", title="T", short="S & P")

"""The questions-to-ask checklist: every question, in order, with its sources, escaped."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.data import SiteData
from scripts.data.models import ProviderQuestionRow, SourceRow
from scripts.render.checklist import CHECKLIST_ID, questions_checklist
from scripts.render.citations import Citer, PageLinks


def test_every_question_is_shown_in_order_with_its_sources(site_data: SiteData) -> None:
    rows = site_data.tables["provider_questions"]
    citer = Citer(site_data.sources, PageLinks("ketamine-infusion-therapy-near-me.md"))
    tree = HTMLParser(questions_checklist(rows, citer))
    section = tree.css_first(f"section#{CHECKLIST_ID}")
    heading = tree.css_first("#" + section.attributes["aria-labelledby"])
    assert heading.text() == "Questions to ask a clinic"
    items = tree.css("ul.kt-checklist__items > li")
    assert len(items) == len(rows)
    for item, row in zip(items, rows, strict=True):
        text = " ".join(item.text().split())
        assert row.question in text
        assert item.css_first(".kt-checklist__box").attributes["aria-hidden"] == "true"
        if row.region:
            assert item.css_first(".kt-checklist__region").text() == f"{row.region}:"
        links = [a.attributes["href"].rsplit("#", 1)[1] for a in item.css("a.kt-cite")]
        assert links == ([row.source, *row.also] if row.source else []), row.id
    # The link that opens the list on its own goes to the section itself.
    assert tree.css_first(".kt-checklist__how a").attributes["href"] == f"#{CHECKLIST_ID}"


def test_the_uk_and_us_checks_are_asked() -> None:
    from scripts.data import load_site_data
    from tests.support.repo import REPO

    rows = load_site_data(REPO).tables["provider_questions"]
    regions = {row.region: row.question for row in rows if row.region}
    assert "GMC" in regions["United Kingdom"] and "CQC" in regions["United Kingdom"]
    assert "state medical board" in regions["United States"] and "REMS" in regions["United States"]


def test_every_value_is_escaped() -> None:
    row = ProviderQuestionRow(id="q", question="Safe?", source="s").model_copy(
        update={"question": "<script>alert(1)</script>", "region": "<b>UK</b>"}
    )
    source = SourceRow(id="s", publisher="P", title="T", short="A & B")
    html = questions_checklist([row], Citer({"s": source}, PageLinks("a.md")))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "A &amp; B" in html


def test_a_question_without_a_source_has_no_mark() -> None:
    row = ProviderQuestionRow(id="q", question="What will it cost?", source_note="Practical.")
    html = questions_checklist([row], Citer({}, PageLinks("a.md")))
    assert "source not confirmed" not in html and "kt-checklist__source" not in html

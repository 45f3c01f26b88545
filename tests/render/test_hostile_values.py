"""Renderers escape values for the context they land in, even values the schema would
refuse (built here with model_construct, which skips validation): the refusals are a
second line, not the only one."""

from __future__ import annotations

import dataclasses

import markdown
import pytest

from scripts.data import SiteData
from scripts.data.models import GlossaryRow, Xrefs, XrefTopic
from scripts.render import boxes
from scripts.render.api import SiteMacros
from scripts.render.citations import Citer, markdown_text
from tests.support.live_markup import live_markup, payload

# The Markdown extensions that turn a page's text into HTML (mkdocs.yml).
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "footnotes", "def_list"]
HOSTILE_TITLES = (
    "<svg/onload=alert(1)>",
    "Dosage](javascript:alert(1)) [more",
    "x\n\n# kthead1\n\n<img src=x onerror=alert(1)>",
    payload(7),
)


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def with_topic_title(site_data: SiteData, title: str) -> SiteData:
    topic = XrefTopic.model_construct(id="dosage", page="ketamine-infusion-dosage.md", title=title)
    xrefs = Xrefs.model_construct(topics=[topic], required_links=[])
    return dataclasses.replace(site_data, xrefs=xrefs)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_xref_without_link_text_shows_the_title_as_text(site_data: SiteData, title: str) -> None:
    macros = SiteMacros(with_topic_title(site_data, title), lambda: "benefits.md")
    html = rendered(f"Read {macros.xref('dosage')} first.")
    assert live_markup(html) == []
    assert html.count("<a ") == 1 and 'href="ketamine-infusion-dosage.md"' in html


@pytest.mark.parametrize("definition", HOSTILE_TITLES)
def test_tooltips_snippet_keeps_each_definition_in_its_title(definition: str) -> None:
    row = GlossaryRow.model_construct(id="ampa", term="AMPA", definition=definition, tooltip=True)
    snippet = boxes.abbreviations([row])
    assert snippet.count("\n") == 1, "one line per term"
    html = rendered(f"AMPA is a receptor.\n\n{snippet}")
    assert live_markup(html) == []
    assert "<abbr" in html and "<p>AMPA" not in html.replace("<p><abbr", "")


@pytest.mark.parametrize("term", ["AM]PA", "AMPA\\", "AMPA]: <svg/onload=alert(1)> *[x"])
def test_tooltips_snippet_refuses_a_term_it_cannot_write(term: str) -> None:
    row = GlossaryRow.model_construct(id="ampa", term=term, definition="d", tooltip=True)
    with pytest.raises(ValueError, match="cannot be written as an abbreviation"):
        boxes.abbreviations([row])


def test_a_term_with_a_line_break_stays_on_its_line() -> None:
    row = GlossaryRow.model_construct(
        id="ampa", term="AMPA\n<svg/onload=alert(1)>", definition="d", tooltip=True
    )
    snippet = boxes.abbreviations([row])
    assert snippet == "*[AMPA <svg/onload=alert(1)>]: d\n"
    assert live_markup(rendered(f"x\n\n{snippet}")) == []


def test_markdown_text_is_one_line_with_markup_escaped() -> None:
    text = markdown_text("a\n\n# kthead1\n- item <b>x</b> ![i](javascript:alert(1))")
    assert "\n" not in text
    assert live_markup(rendered(f"Before {text} after.")) == []


def test_a_source_note_in_prose_stays_in_its_attribute() -> None:
    mark = Citer.unconfirmed_html("note\n\n# kthead1 [a](javascript:x)")
    html = rendered(f"Figure {mark}.")
    assert live_markup(html) == []
    assert html.count("<p>") == 1

"""The "What's new" list and the Atom feed: order, links, and every value escaped where it lands."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.data.models import ChangeRow, XrefTopic
from scripts.render.changes import atom_feed, changes_list, feed_link
from scripts.render.citations import PageLinks

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert(1)</script> & "quotes" <img src=x onerror=alert(2)>'
TOPICS = {
    "dosage": XrefTopic(id="dosage", page="ketamine-infusion-dosage.md", title="Dosage"),
    "home": XrefTopic(id="home", page="index.md", title="Ketamine therapy"),
    "whats-new": XrefTopic(id="whats-new", page="whats-new.md", title="What's new"),
}


def change(
    id: str, date: str, topic: str, summary: str = "Reviewed.", kind: str = "review"
) -> ChangeRow:
    # model_construct: the hostile text must reach the renderer, past the schema's own refusal.
    return ChangeRow.model_construct(
        id=id, date=dt.date.fromisoformat(date), topic=topic, kind=kind, summary=summary
    )


CHANGES = (
    change("older", "2026-11-24", "home", kind="new"),
    change("newer", "2026-11-25", "dosage", HOSTILE),
)


def feed(
    changes: tuple[ChangeRow, ...] = CHANGES, site_url: str = "https://example.org/guide/"
) -> ET.Element:
    text = atom_feed(
        changes,
        TOPICS,
        site_url=site_url,
        site_name="Guide <b>&</b>",
        feed_path="feed.xml",
        whats_new_page="whats-new.md",
    )
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(text)


def test_list_is_newest_first_with_relative_links() -> None:
    html = changes_list(CHANGES, TOPICS, PageLinks("whats-new.md"))
    items = LexborHTMLParser(html).css("li.kt-changes__item")
    assert [item.attributes["id"] for item in items] == ["change-newer", "change-older"]
    first = items[0]
    assert first.css_first("time").attributes["datetime"] == "2026-11-25"
    assert first.css_first("time").text() == "25 November 2026"
    assert first.css_first(".kt-changes__kind").text() == "Reviewed"
    assert first.css_first("a").attributes["href"] == "../ketamine-infusion-dosage/"
    assert items[1].css_first("a").attributes["href"] == "../"


def test_list_shows_hostile_text_as_text() -> None:
    tree = LexborHTMLParser(changes_list(CHANGES, TOPICS, PageLinks("whats-new.md")))
    assert tree.css("script") == [] and tree.css("img") == []
    assert tree.css_first(".kt-changes__summary").text() == HOSTILE


def test_feed_has_one_entry_per_change_with_absolute_links() -> None:
    root = feed()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(CHANGES)
    assert root.findtext(f"{ATOM}updated") == "2026-11-25T00:00:00Z"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/guide/feed.xml"
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == "Reviewed: Dosage"
    assert newest.findtext(f"{ATOM}summary") == HOSTILE
    assert newest.findtext(f"{ATOM}id") == "https://example.org/guide/whats-new/#change-newer"
    link = newest.find(f"{ATOM}link").get("href")
    assert link == "https://example.org/guide/ketamine-infusion-dosage/"
    assert entries[1].find(f"{ATOM}link").get("href") == "https://example.org/guide/"
    assert root.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Guide <b>&</b>"


def test_feed_stays_xml_whatever_the_text() -> None:
    """Control characters XML cannot hold are left out rather than breaking every reader."""
    root = feed((change("odd", "2026-11-25", "home", "Before\x00\x07\x1b after \ufffe."),))
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}summary") == "Before after ."


@pytest.mark.parametrize(
    ("page", "from_source", "href"),
    [
        # MkDocs leaves raw HTML alone: the link is the final URL from the built page.
        ("whats-new.md", False, "../feed.xml"),
        ("index.md", False, "feed.xml"),
        ("a/b.md", False, "../../feed.xml"),
        # Zensical rewrites raw HTML links as Markdown ones: written from the source file.
        ("whats-new.md", True, "feed.xml"),
        ("a/b.md", True, "../feed.xml"),
    ],
)
def test_feed_link_reaches_the_feed_under_each_engine(
    page: str, from_source: bool, href: str
) -> None:
    links = PageLinks(page, html_from_source=from_source)
    link = LexborHTMLParser(feed_link('Atom <feed> & "more"', links)).css_first("a")
    assert link.attributes == {"href": href, "type": "application/atom+xml"}
    assert link.text() == 'Atom <feed> & "more"'  # the label is text, never markup

"""What changed in the guide: the "What's new" list (HTML) and the Atom feed (XML), from data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from html import escape

from scripts.data.models import ChangeRow, XrefTopic
from scripts.render.citations import PageLinks
from scripts.render.links import page_url
from scripts.render.numbers import long_date

FEED_PATH = "feed.xml"  # where the build writes the Atom feed, under the site's root
KIND_LABELS = {"new": "New", "review": "Reviewed", "update": "Updated", "correction": "Corrected"}
ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all, even escaped: a feed with one is not XML.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def feed_link(text: str, links: PageLinks) -> str:
    """A link to the Atom feed, labelled `text` (plain text), from the page being rendered."""
    href = escape(links.file_href(FEED_PATH))
    return f'<a href="{href}" type="application/atom+xml">{escape(text)}</a>'


def change_anchor(change: ChangeRow) -> str:
    """The id of a change's entry on the "What's new" page (the feed links to it)."""
    return f"change-{change.id}"


def changes_list(
    changes: Sequence[ChangeRow], topics: Mapping[str, XrefTopic], links: PageLinks
) -> str:
    """The "What's new" list, newest first: date, kind, the changed page (linked), summary."""
    items = []
    for change in sorted(changes, key=lambda c: c.date, reverse=True):
        topic = topics[change.topic]
        items.append(
            f'<li class="kt-changes__item" id="{escape(change_anchor(change))}">'
            f'<p class="kt-changes__meta"><time datetime="{change.date.isoformat()}">'
            f"{escape(long_date(change.date))}</time> · "
            f'<span class="kt-changes__kind">{escape(KIND_LABELS[change.kind])}</span> · '
            f'<a href="{escape(links.href(topic.page))}">{escape(topic.title)}</a></p>'
            f'<p class="kt-changes__summary">{escape(change.summary)}</p></li>'
        )
    return f'<ol class="kt-changes">{"".join(items)}</ol>'


def atom_feed(
    changes: Sequence[ChangeRow],
    topics: Mapping[str, XrefTopic],
    *,
    site_url: str,
    site_name: str,
    feed_path: str,
    whats_new_page: str,
    directory_urls: bool = True,
) -> str:
    """An Atom feed of `changes`, newest first, every link absolute under `site_url`."""
    base = site_url.rstrip("/") + "/"
    ordered = sorted(changes, key=lambda c: c.date, reverse=True)
    whats_new = base + page_url(whats_new_page, directory_urls)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    _text(feed, "title", f"{site_name}: what's new")
    _text(feed, "subtitle", "New pages, reviews, updates and corrections to the guide.")
    _text(feed, "id", base + feed_path)
    self_link = {"rel": "self", "type": "application/atom+xml", "href": base + feed_path}
    ET.SubElement(feed, "link", self_link)
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": whats_new})
    _text(feed, "updated", _timestamp(ordered[0]) if ordered else "1970-01-01T00:00:00Z")
    _text(ET.SubElement(feed, "author"), "name", site_name)
    for change in ordered:
        topic = topics[change.topic]
        entry = ET.SubElement(feed, "entry")
        _text(entry, "title", f"{KIND_LABELS[change.kind]}: {topic.title}")
        _text(entry, "id", f"{whats_new}#{change_anchor(change)}")
        page = base + page_url(topic.page, directory_urls)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": page})
        _text(entry, "updated", _timestamp(change))
        _text(entry, "summary", change.summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    """A child element with `text`, escaped by ElementTree, less what XML cannot hold."""
    ET.SubElement(parent, tag).text = _NOT_XML.sub("", text)


def _timestamp(change: ChangeRow) -> str:
    return f"{change.date.isoformat()}T00:00:00Z"

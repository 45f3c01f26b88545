"""site/feed.xml: the Atom feed of data/changes.yml, written once the site is built."""

from __future__ import annotations

from pathlib import Path

from scripts.data import DataError
from scripts.data.datasets import BY_KEY
from scripts.data.loader import parse_dataset
from scripts.render.changes import FEED_PATH, atom_feed

WHATS_NEW_TOPIC = "whats-new"


class FeedError(ValueError):
    """The feed cannot be written: the message names the data file and what is wrong."""


def write_feed(
    project: Path, site: Path, *, site_url: str, site_name: str, directory_urls: bool
) -> None:
    """Write `site`/feed.xml: one entry per change, linking to absolute addresses.

    No template can reach the data, so this reads the two files the feed needs, changes.yml
    and xrefs.yml, with the data layer's own parser (not the whole data set again); the
    build has validated every file by then, or stopped. Raises FeedError saying what is wrong.
    """
    try:
        changes = parse_dataset(project, BY_KEY["changes"]).records
        xrefs = parse_dataset(project, BY_KEY["xrefs"]).records[0]
    except DataError as error:
        raise FeedError(str(error)) from None
    topics = {topic.id: topic for topic in xrefs.topics}
    if WHATS_NEW_TOPIC not in topics:
        raise FeedError(
            f"data/xrefs.yml: no topic '{WHATS_NEW_TOPIC}': the feed links to that page"
        )
    feed = atom_feed(
        changes,
        topics,
        site_url=site_url or "/",
        site_name=site_name,
        feed_path=FEED_PATH,
        whats_new_page=topics[WHATS_NEW_TOPIC].page,
        directory_urls=directory_urls,
    )
    (site / FEED_PATH).write_text(feed, encoding="utf-8")

"""MkDocs hook: the built site's own files: each page's Content-Security-Policy, and the feed.

The policy is computed from each page as written (scripts/output/csp.py), so the hashes always
match the theme's inline scripts. It covers the pages (on_post_page), the theme's own templates
such as 404.html (on_post_template) and the pages other plugins write after the build, such as
mkdocs-redirects' forwarding pages (on_post_build). The same pass removes the theme markup the
HTML checker refuses and no template block can reach (scripts/output/markup.py).

After the build it also writes feed.xml, the Atom feed of data/changes.yml
(scripts/render/changes.py). No template can reach the data, so the hook reads the two files the
feed needs, changes.yml and xrefs.yml, with the data layer's own parser (not the whole data set
again); define_env has validated every file by then, or stopped the build.

`mkdocs serve` gets no policy: its live-reload script is injected inline into every response,
with a new value each time, so no hash could allow it. Zensical, which has no hooks, builds the
site without the policy; the browser tests are what would notice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from scripts.data import DataError
from scripts.data.datasets import BY_KEY
from scripts.data.loader import parse_dataset
from scripts.output.csp import PolicyError, add_policy
from scripts.output.markup import drop_toggle_autocomplete
from scripts.render.changes import atom_feed

ROOT = Path(__file__).resolve().parents[1]

FEED = "feed.xml"
WHATS_NEW_TOPIC = "whats-new"

_state: dict[str, Any] = {"serving": False, "editors_text": {}, "done": set()}


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Note whether this run is `mkdocs serve`, which gets no policy."""
    _state["serving"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Forget the previous build's pages (serve rebuilds in one process)."""
    _state["editors_text"] = {}
    _state["done"] = set()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Remember what editors wrote on this page: no script found in it is ever allowed."""
    _state["editors_text"][page.file.src_uri] = "\n".join(
        [html, str(page.title or ""), *_strings(page.meta)]
    )
    return html


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [str(key), *_strings(item)]]
    if isinstance(value, list | tuple | set):
        return [text for item in value for text in _strings(item)]
    return [str(value)]


def finish(html: str, name: str) -> str:
    """The page as readers get it: valid toggles, then the policy for its scripts."""
    html = drop_toggle_autocomplete(html)
    if _state["serving"]:
        return html
    try:
        return add_policy(html, "\n".join(_state["editors_text"].values()))
    except PolicyError as error:
        raise PluginError(f"{name}: {error}") from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Give a built page its policy and record it as done."""
    _state["done"].add(Path(page.file.abs_dest_path).resolve())
    return finish(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give a theme template's HTML output (such as 404.html) its policy."""
    if not template_name.endswith(".html"):
        return output_content
    _state["done"].add((Path(config.site_dir) / template_name).resolve())
    return finish(output_content, template_name)


@event_priority(-100)  # after every plugin that writes pages of its own (mkdocs-redirects)
def on_post_build(config: MkDocsConfig) -> None:
    """Give pages other plugins wrote their policy, then write the feed."""
    site = Path(config.site_dir)
    for path in sorted(site.rglob("*.html")):
        if not _state["serving"] and path.resolve() not in _state["done"]:
            html = path.read_text(encoding="utf-8")
            path.write_text(finish(html, path.relative_to(site).as_posix()), encoding="utf-8")
    write_feed(config)


def write_feed(config: MkDocsConfig) -> None:
    """site/feed.xml: one entry per row of data/changes.yml, linking to absolute addresses."""
    project = Path(config.config_file_path).parent
    try:
        changes = parse_dataset(project, BY_KEY["changes"]).records
        xrefs = parse_dataset(project, BY_KEY["xrefs"]).records[0]
    except DataError as error:
        raise PluginError(str(error)) from None
    topics = {topic.id: topic for topic in xrefs.topics}
    if WHATS_NEW_TOPIC not in topics:
        raise PluginError(
            f"data/xrefs.yml: no topic '{WHATS_NEW_TOPIC}': the feed links to that page"
        )
    feed = atom_feed(
        changes,
        topics,
        site_url=config.site_url or "/",
        site_name=config.site_name,
        feed_path=FEED,
        whats_new_page=topics[WHATS_NEW_TOPIC].page,
        directory_urls=config.use_directory_urls,
    )
    (Path(config.site_dir) / FEED).write_text(feed, encoding="utf-8")

"""MkDocs hook: the built site's own files: each page's Content-Security-Policy, and the feed.

The policy is computed from each page as written (scripts/output/csp.py), so the hashes always
match the theme's inline scripts. It covers the pages (on_post_page), the theme's own templates
such as 404.html (on_post_template) and the pages other plugins write after the build, such as
mkdocs-redirects' forwarding pages (on_post_build). The same pass removes the theme markup the
HTML checker refuses and no template block can reach (scripts/output/markup.py).

After the build it also writes feed.xml, the Atom feed of data/changes.yml
(scripts/output/feed.py).

`mkdocs serve` gets no policy: its live-reload script is injected inline into every response,
with a new value each time, so no hash could allow it. Zensical has no hooks: after
`zensical build`, scripts/finish_site.py runs the same pass over the written site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from scripts.output.csp import PolicyError
from scripts.output.feed import FeedError, write_feed
from scripts.output.markup import drop_toggle_autocomplete
from scripts.output.site import finish_files, finish_page

_state: dict[str, Any] = {"serving": False, "editors_text": {}, "joined": None, "done": set()}


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Note whether this run is `mkdocs serve`, which gets no policy."""
    _state["serving"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Forget the previous build's pages (serve rebuilds in one process)."""
    _state.update(editors_text={}, joined=None, done=set())


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:  # noqa: ARG001 -- MkDocs passes hook arguments by name
    """Remember what editors wrote on this page: no script found in it is ever allowed."""
    _state["editors_text"][page.file.src_uri] = "\n".join(
        [html, str(page.title or ""), *_strings(page.meta)]
    )
    _state["joined"] = None
    return html


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [str(key), *_strings(item)]]
    if isinstance(value, list | tuple | set):
        return [text for item in value for text in _strings(item)]
    return [str(value)]


def _editors_text() -> str:
    """What editors wrote on every page, joined once per build rather than once per page."""
    if _state["joined"] is None:
        _state["joined"] = "\n".join(_state["editors_text"].values())
    return str(_state["joined"])


def finish(html: str, name: str) -> str:
    """The page as readers get it: valid toggles, then the policy for its scripts."""
    if _state["serving"]:
        return drop_toggle_autocomplete(html)
    try:
        return finish_page(html, _editors_text())
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
    try:
        if not _state["serving"]:
            finish_files(site, _editors_text(), _state["done"])
        write_feed(
            Path(config.config_file_path).parent,
            site,
            site_url=config.site_url or "/",
            site_name=config.site_name,
            directory_urls=config.use_directory_urls,
        )
    except (PolicyError, FeedError) as error:
        raise PluginError(str(error)) from None

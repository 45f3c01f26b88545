"""Figures and source links, as HTML (tables, charts, boxes) or Markdown (inline prose).

Every figure on the site goes through `Citer`, so each one links to its source
on the sources page, or carries a visible "source not confirmed" mark. Bracketed
citations, "(Oxford Health)", come only from cite(), placed by the page at the end
of a sentence (scripts/pages/citations.py holds pages to that).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from scripts.data.figures import Figure
from scripts.data.models import SourceRow
from scripts.render.links import html_file_href, html_href, markdown_target
from scripts.render.numbers import format_figure

UNCONFIRMED = "source not confirmed"


@dataclass(frozen=True)
class PageLinks:
    """Where the page being rendered sits, so links can be relative to it."""

    page: str  # the page's path under docs/ (MkDocs' page.file.src_uri, Zensical's page.path)
    sources_page: str = "sources.md"
    directory_urls: bool = True
    # True where the engine rewrites links in raw HTML as it does Markdown links (Zensical):
    # the link is then written as in Markdown (sources.md#x) and the engine makes it a URL.
    html_from_source: bool = False

    def href(self, to_page: str, anchor: str = "") -> str:
        """A link for raw HTML that reaches `to_page` once the engine has built the page."""
        if self.html_from_source:
            return markdown_target(self.page, to_page, anchor)
        return html_href(self.page, to_page, anchor, self.directory_urls)

    def file_href(self, path: str) -> str:
        """A link for raw HTML that reaches the file the build writes at `path` (feed.xml)."""
        if self.html_from_source:
            return markdown_target(self.page, path)
        return html_file_href(self.page, path, self.directory_urls)

    def target(self, to_page: str, anchor: str = "") -> str:
        """The Markdown link target from this page to `to_page` (and `anchor`)."""
        return markdown_target(self.page, to_page, anchor)


@dataclass(frozen=True)
class Citer:
    """Figures and citations as HTML or Markdown, linked to the sources page."""

    sources: Mapping[str, SourceRow]
    links: PageLinks

    def figure_html(self, figure: Figure) -> str:
        """'30%' linked to its source, or '30%' with a visible 'source not confirmed' mark."""
        text = escape(format_figure(figure))
        if figure.source is None:
            return f"{text} {self.unconfirmed_html(figure.source_note)}"
        source = self.sources[figure.source]
        href = escape(self.links.href(self.links.sources_page, source.id))
        hidden = f'<span class="kt-sr"> (source: {escape(source.short)})</span>'
        return f'<a class="kt-fig" href="{href}">{text}{hidden}</a>'

    def source_html(self, source_id: str | None, note: str | None = None) -> str:
        """A small link to a source's entry on the sources page."""
        if source_id is None:
            return self.unconfirmed_html(note)
        source = self.sources[source_id]
        href = escape(self.links.href(self.links.sources_page, source.id))
        return f'<a class="kt-cite" href="{href}">{escape(source.short)}</a>'

    @staticmethod
    def unconfirmed_html(note: str | None) -> str:
        """The visible 'source not confirmed' mark, with `note` as its title."""
        # Also written into Markdown prose (fact()), where a line break would end the tag's
        # line and let the rest of the note be read as Markdown.
        title = f' title="{escape(" ".join(note.split()))}"' if note else ""
        return f'<span class="kt-source-needed"{title}>{UNCONFIRMED}</span>'

    def figure_markdown(self, figure: Figure) -> str:
        """An inline figure for prose. Like a table's figure, the figure itself links to its
        source's entry (screen readers hear the source's name), so no bracketed citation
        breaks the sentence: the page cites a source once per paragraph, at the end of a
        sentence, with cite(). A phone number is a tel: link instead; a figure with no
        source keeps its visible "source not confirmed" mark beside it."""
        text = markdown_text(format_figure(figure))
        if figure.tel:
            # The schema allows only digits and +; quoting keeps any other character inside
            # the link's address all the same.
            return f"[{text}](tel:{quote(figure.tel, safe='+')})"
        if figure.source is None:
            return f"{text} {self.unconfirmed_html(figure.source_note)}"
        source = self.sources[figure.source]
        target = self.links.target(self.links.sources_page, source.id)
        hidden = " " + markdown_text(f"(source: {source.short})")
        return f'[{text}<span class="kt-sr">{hidden}</span>]({target}){{ .kt-fig }}'

    def cite_markdown(self, source_id: str) -> str:
        """A citation of `source_id` as a Markdown link to the sources page."""
        source = self.sources[source_id]
        target = self.links.target(self.links.sources_page, source.id)
        return f"([{markdown_text(source.short)}]({target}){{ .kt-cite }})"

    def source_list_markdown(self, source_ids: Iterable[str]) -> str:
        """A Markdown list of sources, each 'Publisher: title' linked to its entry."""
        items = []
        for source_id in source_ids:
            source = self.sources[source_id]
            target = self.links.target(self.links.sources_page, source.id)
            text = markdown_text(f"{source.publisher}: {source.title}")
            items.append(f"- [{text}]({target}){{ .kt-source }}")
        return "\n".join(items)


def markdown_text(text: str) -> str:
    """Plain text safe inside Markdown: on one line (a line break could start a heading, a
    list or an HTML block), HTML-escaped, with Markdown's active characters escaped."""
    escaped = escape(" ".join(text.split()), quote=False)
    for char in "\\`*_[]{}#|!":
        escaped = escaped.replace(char, "\\" + char)
    return escaped

"""Page bodies and boxes: the crisis box, the sources list and the glossary."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from scripts.data.models import CrisisLineRow, GlossaryRow, SourceRow
from scripts.render.citations import Citer


def crisis_heading(lines: Sequence[CrisisLineRow]) -> str:
    """'Call 988 or 999 now if:' from the lines marked in_heading, in data order."""
    numbers = [line.number for line in lines if line.in_heading]
    return f"Call {' or '.join(numbers)} now if:"


def crisis_box(lines: Sequence[CrisisLineRow], citer: Citer) -> str:
    """An urgent-care card: always open, numbers as tel: links, each line with its source."""
    reasons = "".join(f"<li>{escape(line.now_if)}</li>" for line in lines if line.in_heading)
    items = "".join(_crisis_line(line, citer) for line in lines)
    return (
        '<aside class="kt-crisis" aria-labelledby="kt-crisis-heading">'
        f'<p class="kt-crisis__heading" id="kt-crisis-heading">{escape(crisis_heading(lines))}</p>'
        f'<ul class="kt-crisis__reasons">{reasons}</ul>'
        f'<ul class="kt-crisis__lines">{items}</ul>'
        "</aside>"
    )


def _crisis_line(line: CrisisLineRow, citer: Citer) -> str:
    number = ""
    if line.number is not None:
        number = (
            f' <a class="kt-crisis__number" href="tel:{escape(line.tel)}">{escape(line.number)}</a>'
        )
    # A line without a source is general advice; its note says so in words.
    source = citer.source_html(line.source) if line.source else escape(line.source_note or "")
    return (
        f"<li><strong>{escape(line.region)}: {escape(line.service)}</strong>{number}"
        f'<br>{escape(line.how)} <span class="kt-crisis__source">Source: {source}</span></li>'
    )


def sources_list(sources: Sequence[SourceRow]) -> str:
    """The sources page body: one entry per source, its id as the anchor."""
    return f'<ol class="kt-sources">{"".join(_source(s) for s in sources)}</ol>'


def _source(source: SourceRow) -> str:
    if source.url:
        link = f'<a href="{escape(source.url)}" rel="external">{escape(source.url)}</a>'
    else:
        link = '<span class="kt-sources__nolink">Cited by name; no web address given.</span>'
    return (
        f'<li id="{escape(source.id)}">'
        f'<span class="kt-sources__publisher">{escape(source.publisher)}.</span> '
        f"<cite>{escape(source.title)}</cite>. {link}</li>"
    )


def glossary_list(terms: Sequence[GlossaryRow]) -> str:
    """The glossary page body, sorted by term; each term's id is its anchor."""
    ordered = sorted(terms, key=lambda row: row.term.casefold())
    entries = "".join(
        f'<dt id="{escape(row.id)}">{escape(row.term)}</dt><dd>{escape(row.definition)}</dd>'
        for row in ordered
    )
    return f'<dl class="kt-glossary">{entries}</dl>'


def abbreviations(terms: Sequence[GlossaryRow]) -> str:
    """The snippet pymdownx.snippets appends to every page: `*[TERM]: definition` lines."""
    lines = [f"*[{row.term}]: {' '.join(row.definition.split())}" for row in terms if row.tooltip]
    return "\n".join(lines) + "\n"

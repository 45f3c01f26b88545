"""Page bodies and boxes: the crisis box, the sources list and the glossary."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from scripts.data.models import ABBREVIATION_BREAKERS, CrisisLineRow, GlossaryRow, SourceRow
from scripts.render.citations import Citer

# The full box's heading: the brief line at the top of a page links to it.
CRISIS_HEADING_ID = "kt-crisis-heading"


def crisis_heading(lines: Sequence[CrisisLineRow]) -> str:
    """'Call 988 or 999 now if:' from the lines marked in_heading, in data order."""
    # The data checks make sure every line marked in_heading has a number.
    numbers = [line.number for line in lines if line.in_heading and line.number is not None]
    return f"Call {' or '.join(numbers)} now if:"


def crisis_box(lines: Sequence[CrisisLineRow], citer: Citer) -> str:
    """An urgent-care card: always open, the urgent reasons first, then the lines grouped by
    region (so a reader finds their country at a glance), numbers as tel: links."""
    reasons = "".join(_crisis_reason(line) for line in lines if line.in_heading)
    groups = "".join(
        f'<p class="kt-crisis__region">{escape(region)}</p>'
        f'<ul class="kt-crisis__lines">{"".join(_crisis_line(line, citer) for line in rows)}</ul>'
        for region, rows in _by_region(lines).items()
    )
    heading = escape(crisis_heading(lines))
    return (
        f'<aside class="kt-crisis" aria-labelledby="{CRISIS_HEADING_ID}">'
        f'<p class="kt-crisis__heading" id="{CRISIS_HEADING_ID}">{heading}</p>'
        f'<ul class="kt-crisis__reasons">{reasons}</ul>{groups}</aside>'
    )


def crisis_brief(lines: Sequence[CrisisLineRow]) -> str:
    """The urgent numbers in one line, for the top of a page whose full box comes later:
    a reader in crisis sees them first without scrolling past the whole list."""
    numbers = _numbers([line for line in lines if line.in_heading])
    routes = _numbers([line for line in lines if line.in_brief])
    # An emergency number alone would send someone who is struggling, but safe, to 999.
    not_emergency = f" Urgent but not an emergency? Call {routes}." if routes else ""
    return (
        '<aside class="kt-crisis-brief" aria-label="Urgent help">'
        f"<p><strong>Need help now?</strong> Call {numbers}.{not_emergency} "
        f'<a href="#{CRISIS_HEADING_ID}">All crisis lines</a></p></aside>'
    )


def _numbers(lines: Sequence[CrisisLineRow]) -> str:
    """'988 (United States) or 999 (United Kingdom)': each number once per region, naming the
    areas it serves when every line for it names one ('111 (England, Wales and Scotland)')."""
    groups: dict[tuple[str | None, str], list[CrisisLineRow]] = {}
    for line in lines:
        if line.tel is not None:
            groups.setdefault((line.tel, line.region), []).append(line)
    return " or ".join(f"{_tel(rows[0])} ({escape(_where(rows))})" for rows in groups.values())


def _where(rows: Sequence[CrisisLineRow]) -> str:
    if any(row.area is None for row in rows):
        return rows[0].region
    areas = list(dict.fromkeys(row.area for row in rows if row.area is not None))
    return areas[0] if len(areas) == 1 else f"{', '.join(areas[:-1])} and {areas[-1]}"


def _by_region(lines: Sequence[CrisisLineRow]) -> dict[str, list[CrisisLineRow]]:
    """The lines grouped by region, regions in the order they first appear in the data."""
    groups: dict[str, list[CrisisLineRow]] = {}
    for line in lines:
        groups.setdefault(line.region, []).append(line)
    return groups


def _crisis_reason(line: CrisisLineRow) -> str:
    return f"<li>{_tel(line)} ({escape(line.region)}): {escape(line.now_if or '')}</li>"


def _tel(line: CrisisLineRow) -> str:
    if line.number is None or line.tel is None:
        return ""
    return f'<a class="kt-crisis__number" href="tel:{escape(line.tel)}">{escape(line.number)}</a>'


def _crisis_line(line: CrisisLineRow, citer: Citer) -> str:
    # A line without a source is general advice; its note says so in words.
    source = citer.source_html(line.source) if line.source else escape(line.source_note or "")
    number = _tel(line)
    return (
        f"<li>{number + ' ' if number else ''}<strong>{escape(line.service)}</strong>. "
        f'{escape(line.how)} <span class="kt-crisis__source">({source})</span></li>'
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
    """The snippet pymdownx.snippets appends to every page: `*[TERM]: definition` lines, one
    for the term and one for each of its other forms (the abbr extension matches exact words).

    Each entry must stay one line the abbr extension reads as an abbreviation, or its text
    would be Markdown on every page: whitespace is collapsed, and a term holding what
    would end it early (the schema refuses these) is an error, never written. The
    definition becomes a title attribute; it is HTML-escaped here (Python-Markdown keeps
    entities as they are), so it can hold nothing but text.
    """
    lines = []
    for row in terms:
        if not row.tooltip:
            continue
        definition = escape(" ".join(row.definition.split()))
        for word in (row.term, *row.forms):
            term = " ".join(word.split())
            if not term or set(term) & set(ABBREVIATION_BREAKERS):
                raise ValueError(f"glossary term {term!r} cannot be written as an abbreviation")
            lines.append(f"*[{term}]: {definition}")
    return "\n".join(lines) + "\n"

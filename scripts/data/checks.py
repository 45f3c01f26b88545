"""Rules that span fields, rows or files, checked after each file's schema.

Each rule yields a typed error naming the file, row, field and line, so an
editor can go straight to the mistake; check_all returns every one of them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from scripts.data import models
from scripts.data.datasets import BY_KEY
from scripts.data.errors import (
    DataError,
    DuplicateIdError,
    Problem,
    SchemaError,
    UnknownReferenceError,
)
from scripts.data.figures import Figure, figure_of, one_in
from scripts.data.schema_errors import show
from scripts.data.yamlfile import row_label
from scripts.linkcheck.urls import MalformedURL, split_web_url
from scripts.names import nearest

if TYPE_CHECKING:
    from scripts.data.loader import Parsed

# The ways a fact gives its figure, as editors write them, and the attribute that holds each.
FIGURE_FORMS = {"from": "from_", "value": "value", "min": "min", "text": "text"}
SOURCE_ID = "a source id from data/sources.yml"
# "about 1 in 3" for 30% is fair; "1 in 2" for 40% is not: 100/N may differ from
# the percentage by at most this share of it.
NATURAL_TOLERANCE = 0.1
# Regulators, NHS bodies, NICE, PubMed/PMC/DOI, professional bodies, the manufacturer.
# A source's url must be on one of these hosts or a subdomain (data/README.md says why).
AUTHORITATIVE_HOSTS = (
    "nhs.uk",
    "nhs.wales",
    "nice.org.uk",
    "ncbi.nlm.nih.gov",
    "pubmed.ncbi.nlm.nih.gov",
    "doi.org",
    "fda.gov",
    "samhsa.gov",
    "wyo.gov",
    "spravato.com",
    "spravatohcp.com",
    "spravatorems.com",
    "spravatotreatmentcenter.com",
    "askp.org",
    "apna.org",
    "aana.com",
    "psychiatryonline.org",
    "uroweb.org",  # European Association of Urology, a professional body
    "ema.europa.eu",
    "medicines.org.uk",
    "scottishmedicines.org.uk",
    "jnj.com",
    "cqc.org.uk",
    "gmc-uk.org",
    "nmc-uk.org",
    "bma.org.uk",
    "fsmb.org",
    "www.gov.uk",
)


def closest(name: str, valid: Iterable[str]) -> str:
    """'one of a, b' with the names nearest to `name` (difflib), for error messages."""
    options = sorted(valid)
    near = nearest(name, options, count=3, cutoff=0.5)
    shown = near or options[:5]
    prefix = "one of" if near else "one of (for example)"
    return f"{prefix} {', '.join(shown)}"


def check_all(parsed: Mapping[str, Parsed]) -> list[DataError]:
    """Every cross-field and cross-file problem among the files that parsed (`parsed`).

    A file that failed its schema is missing from `parsed`; rules that need it are skipped,
    because their findings would only repeat that file's own errors.
    """
    errors: list[DataError] = []
    sources = {row.id for row in parsed["sources"].records} if "sources" in parsed else None
    for item in parsed.values():
        if item.dataset.rows:
            errors.extend(_unique(item, "id"))
            if sources is not None:
                errors.extend(_sourced(item, sources))
    rules = {
        "sources": _source_urls,
        "glossary": _glossary,
        "methods": _spans,
        "common_effects": _confirmed_effects,
        "crisis_lines": _crisis_lines,
        "licences": lambda item: _more_sources(item, sources),
        "provider_questions": lambda item: _more_sources(item, sources),
        "facts": _facts_shape,
        "xrefs": _xrefs,
    }
    for key, rule in rules.items():
        if key in parsed:
            errors.extend(rule(parsed[key]))
    if "facts" in parsed:
        errors.extend(_fact_references(parsed))
    if "changes" in parsed and "xrefs" in parsed:
        errors.extend(_change_topics(parsed["changes"], parsed["xrefs"]))
    return errors


def resolve_facts(parsed: Mapping[str, Parsed]) -> dict[str, Figure]:
    """Every fact as a Figure; `from` facts take the figure and source of their row.

    Call only after check_all found nothing: the references are known to be valid.
    """
    return {row.id: _fact_figure(parsed, row) for row in parsed["facts"].records}


def _error(
    kind: type[DataError], item: Parsed, index: int, field: str, found: str, expected: str
) -> DataError:
    label = row_label(getattr(item.records[index], "id", None), index)
    line = item.lines[index].of(field)
    return kind(Problem(item.label, expected, found, label, field, line))


def _unknown(
    item: Parsed, index: int, field: str, name: str, valid: Iterable[str], what: str
) -> DataError:
    """`name` is not among `valid`: the error names the valid names nearest to it."""
    expected = f"{what}: {closest(name, valid)}"
    return _error(UnknownReferenceError, item, index, field, show(name), expected)


Errors = Iterator[DataError]


def _unique(item: Parsed, attribute: str) -> Errors:
    first: dict[str, int] = {}
    for index, record in enumerate(item.records):
        value = getattr(record, attribute)
        if value in first:
            found = f"{show(value)} again (first in item {first[value] + 1})"
            yield _error(DuplicateIdError, item, index, attribute, found, f"a unique {attribute}")
        else:
            first[value] = index


def _glossary(item: Parsed) -> Errors:
    """Each term, and each other form of a term, belongs to one entry: a tooltip can show
    only one definition for a word."""
    yield from _unique(item, "term")
    owner = {row.term: index for index, row in enumerate(item.records)}
    for index, row in enumerate(item.records):
        for form in row.forms:
            if form in owner and owner[form] != index:
                found = f"{show(form)}, already the term or a form of item {owner[form] + 1}"
                expected = "a form no other glossary entry uses"
                yield _error(DuplicateIdError, item, index, "forms", found, expected)
            owner.setdefault(form, index)


def _sourced(item: Parsed, sources: set[str]) -> Errors:
    """Each row that states something names a source or says why not, and so does each cell
    that carries its own source (a model's CITED fields)."""
    rows_cite = issubclass(item.dataset.model, models.SourcedRow)
    for index, record in enumerate(item.records):
        # A fact that borrows its row's source is checked in _facts_shape.
        if rows_cite and getattr(record, "from_", None) is None:
            yield from _source_or_note(item, index, record, sources)
        for name in getattr(type(record), "CITED", ()):
            yield from _source_or_note(item, index, getattr(record, name), sources, f"{name}.")


def _source_or_note(
    item: Parsed, index: int, record: Any, sources: set[str], prefix: str = ""
) -> Errors:
    if record.source is None and record.source_note is None:
        expected = "a source id, or a source_note saying why there is none"
        found = "neither source nor source_note"
        yield _error(SchemaError, item, index, f"{prefix}source", found, expected)
    if record.source is not None and record.source_note is not None:
        found = "both source and source_note"
        yield _error(SchemaError, item, index, f"{prefix}source_note", found, "only one")
    if record.source is not None and record.source not in sources:
        yield _unknown(item, index, f"{prefix}source", record.source, sources, SOURCE_ID)


def _more_sources(item: Parsed, sources: set[str] | None) -> Errors:
    """Every id in a row's `also` list is a source too."""
    if sources is None:
        return
    for index, record in enumerate(item.records):
        for source in record.also:
            if source not in sources:
                yield _unknown(item, index, "also", source, sources, SOURCE_ID)


def authoritative(url: str) -> bool:
    """Whether `url` is on one of the AUTHORITATIVE_HOSTS (or a subdomain of one)."""
    try:
        host = url_host(url)
    except MalformedURL:
        return False
    return any(host == name or host.endswith("." + name) for name in AUTHORITATIVE_HOSTS)


def url_host(url: str) -> str:
    """The host of an http(s) URL as browsers read it (the link checker's URL parser, so
    the two agree); MalformedURL says why a browser could not open the address."""
    host_and_port, _ = split_web_url(url)
    return re.sub(r":\d+\Z", "", host_and_port)


def _source_urls(item: Parsed) -> Errors:
    """Readers follow these links as evidence, so only authoritative hosts may have one."""
    for index, source in enumerate(item.records):
        if source.url is None:
            continue
        try:
            host = url_host(source.url)
        except MalformedURL as error:
            found = f"{show(source.url)}, which a browser cannot open: {error}"
            yield _error(SchemaError, item, index, "url", found, "a valid http(s) address")
            continue
        if not authoritative(source.url):
            expected = (
                "an address on an authoritative host (a regulator, NHS body, NICE, PubMed/PMC, "
                "DOI, professional body or the manufacturer; listed in scripts/data/checks.py), "
                "or no url, with the document named in the title"
            )
            found = f"{show(source.url)} on {host}"
            yield _error(SchemaError, item, index, "url", found, expected)


def _spans(item: Parsed) -> Errors:
    for index, record in enumerate(item.records):
        span = record.session_minutes
        yield from _in_order(item, index, "session_minutes.max", span.min, span.max)


def _in_order(
    item: Parsed, index: int, field: str, low: float | None, high: float | None
) -> Errors:
    """A range's low end may not be above its high end."""
    if low is not None and high is not None and low > high:
        found = f"min {low} above max {high}"
        yield _error(SchemaError, item, index, field, found, "max at least min")


def _confirmed_effects(item: Parsed) -> Errors:
    """This file leads the side-effects page, so it holds only figures a source confirms."""
    for index, record in enumerate(item.records):
        if record.source_note is not None:
            found = "a source_note (no confirmed source)"
            expected = "a source: figures no source confirms belong in data/effects.yml"
            yield _error(SchemaError, item, index, "source_note", found, expected)
        span = record.percent
        if isinstance(span, models.PercentSpan):
            yield from _in_order(item, index, "percent.max", span.min, span.max)


def _crisis_lines(item: Parsed) -> Errors:
    for index, line in enumerate(item.records):
        if (line.number is None) != (line.tel is None):
            found = "only one of number and tel"
            yield _error(SchemaError, item, index, "tel", found, "both number and tel, or neither")
        if line.in_heading and (line.number is None or line.now_if is None):
            found = "in_heading: true without number and now_if"
            yield _error(SchemaError, item, index, "now_if", found, "a number and a now_if reason")


def _facts_shape(item: Parsed) -> Errors:
    for index, fact in enumerate(item.records):
        forms = [form for form, name in FIGURE_FORMS.items() if getattr(fact, name) is not None]
        if len(forms) != 1:
            found = f"{' and '.join(forms) or 'none'} of {', '.join(FIGURE_FORMS)}"
            expected = "exactly one of from, value, min/max, text"
            yield _error(SchemaError, item, index, "value", found, expected)
        if (fact.min is None) != (fact.max is None):
            found = "only one end of the range"
            yield _error(SchemaError, item, index, "max", found, "both min and max")
        yield from _in_order(item, index, "max", fact.min, fact.max)
        if fact.decimals is not None and fact.text is not None:
            found = "decimals on a figure written as text"
            expected = "decimals only with a number (value, or min and max)"
            yield _error(SchemaError, item, index, "decimals", found, expected)
        if fact.from_ is not None and (fact.source or fact.source_note):
            found = "a source on a fact that uses from"
            expected = "no source: it comes from the row"
            yield _error(SchemaError, item, index, "source", found, expected)
        yield from _percent_range(item, index, fact)


def _percent_range(item: Parsed, index: int, fact: models.FactRow) -> Errors:
    if fact.unit == "1 in" and fact.kind != "chance":
        found = f"unit '1 in' with kind {fact.kind or 'left out'}"
        expected = "kind: chance (a '1 in N' figure is one person's chance)"
        yield _error(SchemaError, item, index, "kind", found, expected)
    if fact.unit != "%":
        if fact.kind is not None and fact.from_ is None and fact.unit != "1 in":
            found = f"kind {fact.kind} without unit '%'"
            expected = "kind only for a share (unit '%'); leave kind out for other figures"
            yield _error(SchemaError, item, index, "kind", found, expected)
        return
    for name in ("value", "min", "max"):
        number = getattr(fact, name)
        if number is not None and not 0 <= number <= 100:
            found, expected = show(number), "a percentage from 0 to 100"
            yield _error(SchemaError, item, index, name, found, expected)
    if fact.kind == "chance" and fact.min is not None:
        found = "kind chance for a range"
        expected = "kind chance only for one share (a range reads as a rate: leave kind out)"
        yield _error(SchemaError, item, index, "kind", found, expected)
    if fact.kind == "chance" and fact.value is not None and 0 <= fact.value <= 100:
        yield from _natural(item, index, fact.value)


def natural_denominator(percent: float) -> int | None:
    """N for showing `percent` as "1 in N", or None when "1 in N" would misstate it.

    "1 in N" can only show shares of 50% or less, and 100/N must stay within
    NATURAL_TOLERANCE of the figure: 40% is neither 1 in 2 (50%) nor 1 in 3 (33%).
    """
    if not 0 < percent <= 50:
        return None
    denominator = one_in(percent)
    shown = 100 / denominator
    return denominator if abs(shown - percent) <= NATURAL_TOLERANCE * percent else None


def _natural(item: Parsed, index: int, percent: float) -> Errors:
    if natural_denominator(percent) is None:
        found = f"kind chance for {percent:g}%, which '1 in N' cannot show correctly"
        expected = (
            "kind chance only for a share of 50% or less that is close to 1 in N "
            "(50% is 1 in 2, 10% is 1 in 10); write kind: rate to show the percentage"
        )
        yield _error(SchemaError, item, index, "kind", found, expected)


def _fact_figure(parsed: Mapping[str, Parsed], fact: models.FactRow) -> Figure:
    if fact.from_ is None:
        return Figure(
            value=fact.value,
            low=fact.min,
            high=fact.max,
            text=fact.text,
            unit=fact.unit or "",
            qualifier=fact.qualifier,
            kind=fact.kind,
            per=fact.per,
            decimals=fact.decimals,
            tel=fact.tel,
            source=fact.source,
            source_note=fact.source_note,
        )
    key, row_id, field = fact.from_.split(".")
    row = next(row for row in parsed[key].records if row.id == row_id)
    # The row gives the figure and its source; the fact says how to show it.
    return dataclasses.replace(
        figure_of(row, field),
        qualifier=fact.qualifier,
        kind=fact.kind,
        per=fact.per,
        decimals=fact.decimals,
    )


def _fact_references(parsed: Mapping[str, Parsed]) -> Errors:
    """Every `from: key.row.field` points at a figure that is there (and its kind fits it)."""
    facts = parsed["facts"]
    tables = {
        key: item
        for key, item in parsed.items()
        if item.dataset.rows and hasattr(item.dataset.model, "FIGURES")
    }
    for index, fact in enumerate(facts.records):
        if fact.from_ is not None:
            yield from _reference(parsed, tables, index, fact)


def _reference(
    parsed: Mapping[str, Parsed], tables: Mapping[str, Parsed], index: int, fact: models.FactRow
) -> Errors:
    facts = parsed["facts"]
    assert fact.from_ is not None  # the caller passes only facts that have one
    key, row_id, field = fact.from_.split(".")
    if key not in tables:
        if key in BY_KEY and key not in parsed:
            return  # that file has errors of its own, already reported
        yield _unknown(facts, index, "from", key, tables, "a file key")
        return
    rows = {row.id: position for position, row in enumerate(tables[key].records)}
    if row_id not in rows:
        yield _unknown(facts, index, "from", row_id, rows, f"a row of {key}")
        return
    row = tables[key].records[rows[row_id]]
    figures = type(row).FIGURES
    if field not in figures:
        yield _unknown(facts, index, "from", field, figures, f"a figure field of {key}")
        return
    value = getattr(row, field)
    if value is None:
        # The row's field was emptied: point at it, where the editor has to look.
        fact_line = facts.lines[index].of("from")
        expected = (
            f"{_described(row, field)} (fact '{fact.id}' in {facts.label}:{fact_line} shows it)"
        )
        yield _error(SchemaError, tables[key], rows[row_id], field, "nothing", expected)
        return
    unit = figures[field]
    if fact.kind is not None:
        if unit != "%" or not isinstance(value, int | float):
            found = f"kind {fact.kind} for {fact.from_}, which is not a share"
            yield _error(SchemaError, facts, index, "kind", found, "a percentage (unit '%')")
        elif fact.kind == "chance":
            yield from _natural(facts, index, value)


def _described(row: Any, field: str) -> str:
    info = type(row).model_fields.get(field)
    return (info.description if info is not None else None) or "a value"


def _xrefs(item: Parsed) -> Errors:
    xrefs: models.Xrefs = item.records[0]
    seen: set[str] = set()
    for position, topic in enumerate(xrefs.topics):
        if topic.id in seen:
            problem = Problem(
                item.label, "a unique id", show(topic.id), f"topics item {position + 1}"
            )
            yield DuplicateIdError(_in_section(problem, item, "topics", position, "id"))
        seen.add(topic.id)
    for position, rule in enumerate(xrefs.required_links):
        for name in rule.topics:
            if name not in seen:
                row = f"required_links item {position + 1} ({rule.page})"
                problem = Problem(item.label, f"a topic id: {closest(name, seen)}", show(name), row)
                yield UnknownReferenceError(
                    _in_section(problem, item, "required_links", position, "topics")
                )
    for position, name in enumerate(xrefs.licence_note_pages):
        if name not in seen:
            row = f"licence_note_pages item {position + 1}"
            problem = Problem(item.label, f"a topic id: {closest(name, seen)}", show(name), row)
            yield UnknownReferenceError(
                _in_section(problem, item, "licence_note_pages", position, "")
            )


def _in_section(problem: Problem, item: Parsed, section: str, index: int, field: str) -> Problem:
    line = item.sections[section][index].of(field)
    return dataclasses.replace(problem, field=field, line=line)


def _change_topics(changes: Parsed, xrefs: Parsed) -> Errors:
    """Each change names the page it changed by a topic of data/xrefs.yml."""
    topics = {topic.id for topic in xrefs.records[0].topics}
    for index, change in enumerate(changes.records):
        if change.topic not in topics:
            yield _unknown(changes, index, "topic", change.topic, topics, "a topic id")

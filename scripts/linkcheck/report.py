"""Report: findings as text, JSON or GitHub annotations. Pure functions, no I/O."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from .findings import Finding, printable

FORMATS = ("text", "json", "github")


def location_file(finding: Finding, site_label: str) -> str:
    """The file a reader should open: the Markdown source when traced, else the HTML page."""
    return finding.source or f"{site_label}/{finding.page}"


def ordered(findings: Sequence[Finding], site_label: str) -> list[Finding]:
    """Without exact duplicates, every text printable, ordered by file, line, message, page
    and href."""
    return sorted(
        {_printable(f) for f in findings},
        key=lambda f: (location_file(f, site_label), f.line or 0, f.message, f.page, f.href),
    )


def _printable(finding: Finding) -> Finding:
    """The finding with undecodable and control characters escaped the same way in every
    format, so that output is valid UTF-8 whatever the file names."""
    texts = (finding.page, finding.href, finding.message, finding.source or "")
    if all(map(str.isprintable, texts)):
        return finding
    page, href, message, source = map(printable, texts)
    # `source and …` keeps None (an untraced finding) as None
    return replace(finding, page=page, href=href, message=message, source=finding.source and source)


def as_text(findings: Sequence[Finding], site_label: str) -> str:
    """`docs/x.md:12: missing anchor #dose on /ketamine-infusion-dosage/`, one per line."""
    return "".join(
        f"{location_file(f, site_label)}{'' if f.line is None else f':{f.line}'}: {f.message}\n"
        for f in ordered(findings, site_label)
    )


def as_json(findings: Sequence[Finding], site_label: str) -> str:
    """The findings as a JSON list, in report order."""
    found = [f.as_dict() for f in ordered(findings, site_label)]
    return json.dumps(found, indent=2, ensure_ascii=False) + "\n"


def as_github(findings: Sequence[Finding], site_label: str) -> str:
    """GitHub workflow commands: `::error file=…,line=…,title=…::message`."""
    return "".join(
        f"::error file={escape_property(location_file(f, site_label))}"
        + ("" if f.line is None else f",line={f.line}")
        + f",title={escape_property('link check: ' + f.reason)}::{escape_data(f.message)}\n"
        for f in ordered(findings, site_label)
    )


def escape_data(text: str) -> str:
    """`text` as the message of a GitHub workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """`text` as a property value (file=, title=) of a GitHub workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


RENDERERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}


def render(findings: Sequence[Finding], fmt: str, site_label: str) -> str:
    """The findings in format `fmt`; the text is always encodable as UTF-8."""
    return RENDERERS[fmt](findings, printable(site_label))

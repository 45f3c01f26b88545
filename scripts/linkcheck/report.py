"""Report: findings as text, JSON or GitHub annotations. Pure functions, no I/O."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from .findings import Finding, printable

FORMATS = ("text", "json", "github")


def sort_key(finding: Finding, site_label: str) -> tuple[str, int, str, str, str]:
    """How findings are ordered: by file, line, message, page, then href."""
    return (
        location_file(finding, site_label),
        finding.line or 0,
        finding.message,
        finding.page,
        finding.href,
    )


def location_file(finding: Finding, site_label: str) -> str:
    """The file a reader should open: the Markdown source when traced, else the HTML page."""
    return finding.source or f"{site_label}/{finding.page}"


def ordered(findings: Sequence[Finding], site_label: str) -> list[Finding]:
    """Grouped by file, then by line, without exact duplicates; every text printable."""
    return sorted({_printable(f) for f in findings}, key=lambda f: sort_key(f, site_label))


def _printable(finding: Finding) -> Finding:
    """The finding with undecodable and control characters escaped the same way in every
    format, so that output is valid UTF-8 whatever the file names."""
    fields = (finding.page, finding.href, finding.message, finding.source or "")
    if all(text.isprintable() for text in fields):
        return finding
    return replace(
        finding,
        page=printable(finding.page),
        href=printable(finding.href),
        message=printable(finding.message),
        source=printable(finding.source) if finding.source is not None else None,
    )


def as_text(findings: Sequence[Finding], site_label: str) -> str:
    """`docs/x.md:12: missing anchor #dose on /ketamine-infusion-dosage/`, one per line."""
    lines = []
    for finding in ordered(findings, site_label):
        where = location_file(finding, site_label)
        if finding.line is not None:
            where += f":{finding.line}"
        lines.append(f"{where}: {finding.message}")
    return "".join(line + "\n" for line in lines)


def as_json(findings: Sequence[Finding], site_label: str) -> str:
    """The findings as a JSON list, in report order."""
    return (
        json.dumps(
            [f.as_dict() for f in ordered(findings, site_label)], indent=2, ensure_ascii=False
        )
        + "\n"
    )


def as_github(findings: Sequence[Finding], site_label: str) -> str:
    """GitHub workflow commands: `::error file=…,line=…,title=…::message`."""
    lines = []
    for finding in ordered(findings, site_label):
        props = [f"file={_escape_property(location_file(finding, site_label))}"]
        if finding.line is not None:
            props.append(f"line={finding.line}")
        props.append(f"title={_escape_property('link check: ' + finding.reason)}")
        lines.append(f"::error {','.join(props)}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


RENDERERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}


def render(findings: Sequence[Finding], fmt: str, site_label: str) -> str:
    """The findings in format `fmt`; the text is always encodable as UTF-8."""
    return RENDERERS[fmt](findings, printable(site_label))

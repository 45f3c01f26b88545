"""Find the line of a Markdown or YAML file that a line-less message is about."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.linkcheck.urls import MalformedURL, split_web_url
from scripts.pages.frontmatter import BOM, read_front_matter


def read_lines(path: Path) -> list[str]:
    """The lines of the file at `path`; none when it cannot be read as UTF-8."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def link_line(path: Path, target: str) -> int | None:
    """The first line of `path` that links to `target`, trying the most precise forms first."""
    lines = read_lines(path)
    quoted = re.escape(target)
    patterns = [
        rf"\]\(\s*<?{quoted}>?(?:\s+[\"'(].*)?\)",  # [text](target "title")
        rf"^\s*\[[^\]]+\]:\s*<?{quoted}>?(?:\s|$)",  # [ref]: target
        rf"(?:href|src)\s*=\s*[\"']?{quoted}[\"'\s>]",  # <a href="target">
        quoted,
    ]
    for pattern in patterns:
        for number, text in enumerate(lines, start=1):
            if re.search(pattern, text):
                return number
    return None


def text_line(path: Path, needle: str) -> int | None:
    """The first line of `path` containing `needle`."""
    for number, text in enumerate(read_lines(path), start=1):
        if needle in text:
            return number
    return None


def body_offset(path: Path) -> int:
    """How many file lines come before the Markdown body that MkDocs hands to plugins, so
    "line 3" of a macro error is the third line after them."""
    return read_front_matter("\n".join(read_lines(path))).body_start


def starts_with_bom(path: Path) -> bool:
    """Whether the file at `path` starts with a UTF-8 byte-order mark. MkDocs reads past it,
    but the Markdown lint then sees no front matter; the page rules name the cause instead."""
    try:
        with path.open("rb") as handle:
            return handle.read(3) == BOM.encode("utf-8")
    except OSError:
        return False


WEB_ADDRESS_RE = re.compile(r"""https?://[^\s)>"'<]+""", re.IGNORECASE)


def malformed_addresses(path: Path) -> list[tuple[int, str, str]]:
    """Every http(s) address in `path` a browser cannot open: (line, address, why)."""
    found = []
    for number, text in enumerate(read_lines(path), start=1):
        for match in WEB_ADDRESS_RE.finditer(text):
            try:
                split_web_url(match.group())
            except MalformedURL as error:
                found.append((number, match.group(), str(error)))
    return found

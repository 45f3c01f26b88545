"""Find the line of a Markdown or YAML file that a line-less message is about."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from scripts.data.errors import Problem
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


# The address of a Markdown link, image or autolink, after what opens it: `](`, `<`, or a
# reference definition `[id]:`. MkDocs rewrites only these; raw HTML and prose it leaves alone
# (the link checker reports a bad address there, without stopping the build). Only addresses
# with a host count: a scheme and "//", or "//" alone (the page's own scheme). An address
# runs to whitespace or to what ends a link in Markdown.
LINK_ADDRESS_RE = re.compile(
    r"(?:\]\(\s*<?|<|^\s{0,3}\[[^\]]+\]:\s*<?)"
    r"""(?P<address>(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//[^\s)>"'<]+)"""
)
FIX_ADDRESS = "a whole address, copied from the browser's address bar"


def malformed_addresses(path: Path) -> list[tuple[int, str, str]]:
    """Every address of a Markdown link in `path` whose host MkDocs' URL parser (urllib)
    cannot read, which would end the build in a traceback: (line, address, why), why in the
    link checker's words."""
    found = []
    for number, text in enumerate(read_lines(path), start=1):
        for match in LINK_ADDRESS_RE.finditer(text):
            address = match["address"]
            try:
                urlsplit(address)
            except ValueError as error:
                found.append((number, address, _why(address, error)))
    return found


def _why(address: str, error: ValueError) -> str:
    """Why a browser cannot open `address`: its host read as the host of a web address."""
    rest = address.partition("//")[2]
    try:
        split_web_url(f"https://{rest}")
    except MalformedURL as reason:
        return str(reason)
    return f"its host cannot be read ({error})"


def malformed_address_problems(path: Path, shown_as: str) -> list[Problem]:
    """Each of `malformed_addresses` as a problem at its line of `shown_as`, the way both
    the build and `make check` report it."""
    found = "the address {}, which a browser cannot open: {}"
    return [
        Problem(shown_as, FIX_ADDRESS, found.format(address, why), line=line)
        for line, address, why in malformed_addresses(path)
    ]

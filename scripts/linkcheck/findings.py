"""Findings: what the checker reports, and the documented set of reasons."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Every reason a finding can carry, with the one-line meaning the README documents.
REASONS: dict[str, str] = {
    "missing-page": "the link's target file does not exist (a folder without index.html too)",
    "missing-anchor": "the target page has no element with that id (or <a name>)",
    "outside-site": "the link resolves outside SITE_DIR or the site's path prefix; never read",
    "markdown-link": "the link still points at a .md source file instead of the built page",
    "empty-link": "an href, src or similar attribute is empty",
    "misspelt-scheme": "the URL's scheme is a likely typo of a common one (htps: for https:)",
    "malformed-url": "a browser cannot parse the URL (bad host, port, brackets or IDNA name)",
    "redirect-loop": "meta-refresh redirects lead back to a page already visited",
    "required-link": "a page the rules name does not link to a topic it must link to",
    "missing-topic": "a topic page registered in the rules is not in the built site",
    "orphan-page": "no chain of links or navigation leads from the home page to this page",
    "external-broken": "an external URL answered with an HTTP error (only with --external)",
    "external-unreachable": "an external URL timed out or could not be reached (--external)",
    "unreadable-file": "a page or folder could not be read (permissions or an I/O error)",
    "too-large": "a page is larger than the size limit and was not parsed",
    "too-complex": "a page nests too deeply or has an element with too many attributes to parse "
    "in reasonable time, and was not parsed",
    "invalid-utf8": "a page is not valid UTF-8 and declares no other encoding",
    "bad-symlink": "a symbolic link is dangling, loops, or points outside SITE_DIR",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem. `page` is the HTML file relative to SITE_DIR (POSIX separators)."""

    page: str
    reason: str
    message: str
    href: str = ""
    element: str = ""  # which attribute held the reference, e.g. "a[href]"
    source: str | None = None  # the Markdown file the page was built from, when traced
    line: int | None = None  # the line in `source` where the reference is written

    def as_dict(self) -> dict[str, object]:
        """The finding as a JSON object, without its empty fields."""
        return {key: value for key, value in asdict(self).items() if value is not None}


def printable(text: str) -> str:
    """`text` safe to print in any format: every character that is not printable is escaped.

    A byte of a file name that is not UTF-8 reaches Python as a lone surrogate and is shown as
    the byte it was (`caf\\xe9.html`); control and invisible format characters (a newline in
    a file name, a right-to-left override in an href) as Python writes them (`\\n`, `\\u202e`).
    """
    if text.isprintable():
        return text
    return "".join(
        char
        if char.isprintable()
        else f"\\x{ord(char) - 0xDC00:02x}"
        if "\udc80" <= char <= "\udcff"
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


class InputError(Exception):
    """Bad input (missing SITE_DIR, unreadable or malformed rules file): the CLI exits 2."""

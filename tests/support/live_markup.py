"""Find markup in built HTML that an injected value would have made live.

A payload that escaped its context shows up as structure in the parsed page, not as a
string: an element or attribute the payload names, an event handler, a `javascript:`
address, a script that would run, or a heading made from a line of Markdown. The site
itself has none of these (test_the_real_site_has_no_live_markup keeps that true), so any
one found is the payload's doing.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

# Marks every element a payload tries to create, so a live one is unmistakable.
PAYLOAD_ATTRIBUTE = "data-kt-payload"
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "content"}
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
SCRIPT_TYPES = frozenset({"", "text/javascript", "module", "application/javascript"})
# Payload headings carry this word ("# kthead12"): a heading made of it is a live Markdown line.
HEADING_MARK = "kthead"


def payload(number: int, brackets: bool = True) -> str:
    """A value that tries every way out of the contexts a field can land in: a quoted
    attribute, HTML text, a Markdown link and a new Markdown line. Markers are lower-case,
    since some renderers lower-case the first letter of a label."""
    link = f"](javascript:alert({number})) [ktlink{number}](javascript:alert({number}))"
    return (
        f'ktp{number}x"\' onmouseover="alert({number})" '
        f"<svg {PAYLOAD_ATTRIBUTE} onload=alert({number})><script>alert({number})</script>"
        f"{link if brackets else ''}\n\n# {HEADING_MARK}{number}"
    )


def marker(number: int) -> str:
    """The part of payload(number) that survives as plain text wherever it is shown."""
    return f"ktp{number}x"


def live_markup(html: str) -> list[str]:
    """Every piece of live markup in `html` that a payload could have produced, described."""
    tree = LexborHTMLParser(html)
    found = []
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            lowered = name.lower()
            if lowered.startswith("on") or lowered == PAYLOAD_ATTRIBUTE:
                found.append(f"<{node.tag} {name}>")
            elif lowered in URL_ATTRIBUTES and value and _dangerous(value):
                found.append(f"<{node.tag} {name}={value!r}>")
        script_type = (node.attributes.get("type") or "").lower()
        if node.tag == "script" and script_type in SCRIPT_TYPES and "alert(" in node.text():
            found.append("<script> with a payload's code")
        if re.fullmatch(r"h[1-6]", node.tag) and HEADING_MARK in (node.text() or ""):
            text = node.text(strip=True)
            if text.startswith(HEADING_MARK):
                found.append(f"<{node.tag}> made from a payload's Markdown line: {text!r}")
    return found


def _dangerous(value: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(DANGEROUS_SCHEMES)


def live_markup_in_site(site: Path) -> dict[str, list[str]]:
    """live_markup for every HTML page of a built site, by page (pages with none left out)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        problems = live_markup(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    return found

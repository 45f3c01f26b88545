"""The Content-Security-Policy every built page carries, with hashes of the theme's inline scripts.

Pure functions: HTML in, HTML out. The build hook (scripts/output_hook.py) calls them on each page
the engine writes. A script whose text also occurs in what editors wrote (a page's content or
front matter) is never hashed: the policy then blocks it, so markup that slipped past escaping
still cannot run (defence in depth, not the only line).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

# The script types a browser runs; JSON data blocks (ld+json, Material's __config) never run.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Every fetch stays on the site's own host. Written as a meta element, so `frame-ancestors`,
# `report-uri` and `sandbox` cannot be used (browsers ignore them there, with a console error).
DIRECTIVES = (
    ("default-src", "'self'"),
    # 'self' for Material's bundle and search worker; each inline script by its hash.
    ("script-src", "'self'"),
    # The theme's and the project's stylesheets only. No 'unsafe-inline': the built pages
    # carry no style attributes or <style> elements, and Material's scripts set styles
    # through the CSSOM (element.style), which a policy does not restrict.
    ("style-src", "'self'"),
    # data: for the icons Material's stylesheet embeds as data: SVG (url("data:image/svg+xml…")).
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    # The search worker fetches search_index.json from the site.
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)

META_NAME = "Content-Security-Policy"
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)
# The policy add_policy wrote on an earlier pass, replaced rather than doubled.
_EARLIER = re.compile(rf'\n<meta http-equiv="{META_NAME}" content="[^"<>]*">')


class PolicyError(ValueError):
    """The page cannot carry the policy (it has no <head>)."""


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, as the browser parses it."""
    found = []
    for node in LexborHTMLParser(html).css("script"):
        attributes = node.attributes
        kind = (attributes.get("type") or "").strip().lower()
        if "src" in attributes or kind not in EXECUTABLE_TYPES:
            continue
        found.append(node.text(deep=True, separator="", strip=False))
    return found


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str]) -> str:
    """The policy allowing the site's own files and the given inline scripts."""
    hashes = sorted({script_hash(text) for text in scripts})
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def trusted(scripts: Iterable[str], untrusted_text: str) -> list[str]:
    """The scripts that come from the theme: non-empty, and found nowhere in editors' text."""
    return [text for text in scripts if text.strip() and not _occurs(text, untrusted_text)]


# Every page carries the same few theme scripts and is checked against the same text of every
# page, so each search is done once per build, not once per page (which grew with the square
# of the page count). Passing the same string object keeps the lookup cheap: its hash is kept.
@lru_cache(maxsize=64)
def _occurs(script: str, untrusted_text: str) -> bool:
    return script in untrusted_text


def add_policy(html: str, untrusted_text: str = "") -> str:
    """`html` with the policy meta as the first element of <head> after <meta charset>.

    It must precede every script: a policy applies only to what comes after it. A policy an
    earlier pass put there is replaced, so finishing a site twice changes nothing.
    """
    match = _HEAD.search(html)
    if match is None:
        raise PolicyError("no <head> element to put the Content-Security-Policy in")
    earlier = _EARLIER.match(html, match.end())
    if earlier:
        html = html[: match.end()] + html[earlier.end() :]
    allowed = trusted(inline_scripts(html), untrusted_text)
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(allowed)}">'
    return f"{html[: match.end()]}\n{meta}{html[match.end() :]}"

"""Trace findings on built pages back to the Markdown line where the link is written.

A built page `x/index.html` comes from `x.md` (or `x/index.md`, `x/README.md`) under the
docs folder. Within that file the link is looked for in this order, the first hit winning:

1. the href exactly as written in the page (raw HTML links, same-page `#anchors`, URLs);
2. a Markdown link whose destination MkDocs rewrites to the same target: `dosage.md#dose`
   is `../dosage/#dose` once built, so destinations are resolved the way MkDocs resolves
   them (relative to the Markdown file, `x.md` -> `/x/`) and compared with the finding's
   target URL and fragment;
3. a macro call (`{{ xref("dosage") }}`, `{{ cite("nice-2023") }}`) with a quoted argument
   that is the fragment, the id of a rules topic whose page is the target, or the link text;
4. the link's visible text, written as `[text]` or plainly.

Limits: links produced by the theme or templates (navigation, footer) are in no Markdown file
and stay reported against the HTML page; a macro whose output shares neither fragment,
topic nor text with its arguments cannot be placed; when the same link is written on several
lines, the first is given; a link built by a snippet include is looked for only in the page
itself.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .extract import link_texts
from .findings import Finding
from .resolve import PAGE, Resolver
from .rules import Rules, built_file

_LINK_DEST_RE = re.compile(
    r"""\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|\b(?:href|src)\s*=\s*["']([^"']*)["']"""
)
_MACRO_RE = re.compile(r"\{\{-?\s*[A-Za-z_]\w*\s*\((.*?)\)\s*-?\}\}")
_STRING_RE = re.compile(r"""(["'])(.*?)\1""")
# Findings about a whole page rather than one of its links: traced to the file, no line.
_PAGE_REASONS = frozenset({"orphan-page", "required-link"})
# fmt: off
_LINK_REASONS = frozenset({
    "missing-page", "missing-anchor", "outside-site", "markdown-link", "empty-link",
    "misspelt-scheme", "malformed-url", "redirect-loop", "external-broken",
    "external-unreachable",
})
# fmt: on


def markdown_source(page: str, docs: Path) -> str | None:
    """The Markdown file (relative to `docs`) a built page comes from, if it exists."""
    if page == "index.html" or page.endswith("/index.html"):
        folder = page[: -len("index.html")].rstrip("/")
        candidates = [f"{folder}.md"] if folder else []
        prefix = f"{folder}/" if folder else ""
        candidates += [f"{prefix}index.md", f"{prefix}README.md"]
    elif page.endswith(".html"):
        candidates = [page[: -len(".html")] + ".md"]
    else:
        return None
    return next((c for c in candidates if (docs / c).is_file()), None)


class Tracer:
    """Looks up Markdown sources and lines, caching files and parsed pages."""

    def __init__(
        self, docs: Path, site: Path, resolver: Resolver, rules: Rules | None, label: str = ""
    ) -> None:
        self.docs = docs
        self.label = (label or docs.as_posix()).rstrip("/")
        self.site = site
        self.resolver = resolver
        topics = rules.topic_pages() if rules is not None else {}
        self.topic_urls = {tid: resolver.page_url(file) for tid, file in topics.items()}
        self._lines: dict[str, list[str]] = {}

    def trace(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings, each traced to the Markdown file and line it came from where possible."""
        return [self._trace(f) if f.source is None else f for f in findings]

    def _trace(self, finding: Finding) -> Finding:
        md = markdown_source(finding.page, self.docs)
        if md is None:
            return finding
        source = f"{self.label}/{md}"
        if finding.reason in _PAGE_REASONS:
            return replace(finding, source=source, line=None)
        if finding.reason not in _LINK_REASONS:
            return finding
        line = self._find_line(finding, md)
        return replace(finding, source=source, line=line) if line is not None else finding

    def _read(self, md: str) -> list[str]:
        if md not in self._lines:
            try:
                text = (self.docs / md).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._lines[md] = text.splitlines()
        return self._lines[md]

    def _find_line(self, finding: Finding, md: str) -> int | None:
        lines = self._read(md)
        href = finding.href
        for needle in _needles(href):
            for number, line in enumerate(lines, 1):
                if needle.search(line):
                    return number
        url, fragment = self._target(finding)
        if url:
            for number, line in enumerate(lines, 1):
                if any(self._md_dest_url(md, dest) == (url, fragment) for dest in _dests(line)):
                    return number
        texts = self._texts(finding)
        for number, line in enumerate(lines, 1):
            for call in _MACRO_RE.finditer(line):
                args = {value for _, value in _STRING_RE.findall(call.group(1))}
                if self._macro_matches(args, url, fragment, texts):
                    return number
        for text in texts:
            for form in (f"[{text}]", text):
                for number, line in enumerate(lines, 1):
                    if form in " ".join(line.split()):
                        return number
        return None

    def _target(self, finding: Finding) -> tuple[str, str | None]:
        base = self.resolver.base_of(finding.page)
        target = self.resolver.resolve(finding.href, base, finding.page)
        if target.kind == PAGE:
            return self.resolver.page_url(target.path), target.fragment
        fragment = finding.href.partition("#")[2] if "#" in finding.href else None
        return target.url, fragment

    def _md_dest_url(self, md: str, dest: str) -> tuple[str, str | None] | None:
        """The URL and fragment MkDocs writes for Markdown link destination `dest` in `md`."""
        dest = html_lib.unescape(dest)
        path, hash_mark, fragment = dest.partition("#")
        if not path:
            return self.resolver.page_url(built_file(md)), fragment if hash_mark else None
        if "://" in path or path.startswith(("/", "mailto:")) or not path.endswith(".md"):
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(md), path))
        return self.resolver.page_url(built_file(joined)), fragment if hash_mark else None

    def _macro_matches(
        self, args: set[str], url: str, fragment: str | None, texts: list[str]
    ) -> bool:
        if fragment and fragment in args:
            return True
        if any(self.topic_urls.get(arg) == url for arg in args):
            return True
        return any(text in args for text in texts)

    def _texts(self, finding: Finding) -> list[str]:
        if not finding.element.startswith("a["):
            return []
        try:
            html = (self.site / finding.page).read_bytes()
        except OSError:
            return []
        return [t for t in link_texts(html, finding.href) if len(t) > 2]


def _needles(href: str) -> list[re.Pattern[str]]:
    """Patterns for an href written literally in Markdown or raw HTML, as a whole value."""
    if not href:
        return [re.compile(r"""(?:href|src)\s*=\s*(?:""|'')|\]\(\)""")]
    forms = {href, html_lib.escape(href, quote=False)}
    return [
        re.compile(r"""(?:^|(?<=[\s(<"'=]))""" + re.escape(form) + r"""(?=[\s)>"']|$)""")
        for form in sorted(forms)
    ]


def _dests(line: str) -> Iterable[str]:
    for match in _LINK_DEST_RE.finditer(line):
        dest = match.group(1) or match.group(2) or match.group(3)
        if dest:
            yield dest

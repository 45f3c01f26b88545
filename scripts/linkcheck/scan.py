"""Scan: read, parse and resolve one page, keeping only what later checks need.

Each page is read and parsed once (by a worker process: see `parallel`); the tree is
dropped as soon as its references are resolved. What comes back per page is small: its
fragment targets as one string, the indexes of the pages it links to, the cross-page
fragments left to check, and its findings. Everything that can be decided from the page
alone (missing files, same-page anchors, .md and empty links) is decided here, so the parent
only joins pages.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from .bounds import too_complex
from .collect import Inventory
from .extract import EMPTY_ALLOWED, HYPERLINKS, extract
from .findings import Finding, printable
from .resolve import EXTERNAL, MALFORMED, PAGE, SKIP, Resolver, Target
from .urls import fragment_matches, scheme_of

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_UTF8_LABELS = frozenset({b"utf-8", b"utf8", b"unicode-1-1-utf-8"})


@dataclass(slots=True)
class PageResult:
    """What the parent keeps of one scanned page."""

    index: int
    targets: str | None  # "\0id1\0id2\0...": every fragment target; None when not parsed
    edges: array[int]  # indexes of pages this page links to (a, area, meta refresh)
    content_edges: array[int] | None = None  # the same for content links only (rule pages)
    redirect: int = -2  # page index of its meta-refresh target; -1 elsewhere; -2 no refresh
    remote: list[tuple[int, str, str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    external: list[tuple[str, str, str]] = field(default_factory=list)  # (url, href, element)


@dataclass
class ScanContext:
    """Everything a worker needs; inherited by forked workers, never re-sent per page."""

    inventory: Inventory
    resolver: Resolver
    rule_pages: frozenset[str] = frozenset()
    external: bool = False


def scan_page(ctx: ScanContext, index: int) -> PageResult:
    """Read, parse and resolve one page."""
    page = ctx.inventory.pages[index]
    result = PageResult(index=index, targets=None, edges=array("i"))
    try:
        with open(ctx.inventory.root / page, "rb") as handle:
            html = handle.read()
    except OSError as error:
        result.findings.append(
            Finding(page=page, reason="unreadable-file", message=f"cannot read: {error.strerror}")
        )
        return result
    problem = too_complex(html)
    if problem is not None:
        message = f"{problem}; not parsed, as it would take unreasonably long"
        result.findings.append(Finding(page=page, reason="too-complex", message=message))
        return result
    encoding = _check_encoding(page, html, result.findings)
    data = extract(html, content_links=page in ctx.rule_pages, encoding=encoding)
    own = set(data.targets)
    result.targets = "\0" + "\0".join(own) + "\0"
    _resolve_refs(ctx, page, index, data.refs, data.base, own, result)
    if data.refresh is not None:
        target = _resolve(ctx.resolver, data.refresh, ctx.resolver.base_of(page), page)
        result.redirect = target.index if target.kind == PAGE else -1
    if data.content_hrefs is not None:
        result.content_edges = _content_edges(ctx, page, data.content_hrefs)
    return result


def _check_encoding(page: str, html: bytes, findings: list[Finding]) -> bool:
    """Whether lexbor must detect the encoding; reports bytes that are not UTF-8.

    lexbor reads bytes as UTF-8 and quietly replaces invalid sequences, so a page saved in
    the wrong encoding would pass unseen. A page that declares another encoding (or starts
    with a UTF-16 byte-order mark) is decoded the way browsers decode it.
    """
    try:
        html.decode("utf-8")
        return False
    except UnicodeDecodeError as error:
        declared = _CHARSET_RE.search(html[:1024])
        if html[:2] in (b"\xff\xfe", b"\xfe\xff") or (
            declared and declared.group(1).lower() not in _UTF8_LABELS
        ):
            return True
        findings.append(
            Finding(
                page=page,
                reason="invalid-utf8",
                message=f"byte {error.start} is not valid UTF-8 and no other encoding is declared",
            )
        )
        return False


def _resolve_refs(
    ctx: ScanContext,
    page: str,
    index: int,
    refs: list[tuple[str, str]],
    base_href: str | None,
    own: set[str],
    result: PageResult,
) -> None:
    resolver = ctx.resolver
    base = resolver.base_of(page)
    document = resolver.address.prefix + page
    external_base = None
    if base_href is not None:
        base, document, external_base = _apply_base(resolver, page, base, base_href, result)
    ancestors = resolver.ancestors(base)
    # What a reference resolves to depends on the page only through its base folder; one
    # starting with "../" only through the folder above, which all its siblings share (the
    # navigation of a section), and an absolute one not at all. Those are looked up first.
    shared = resolver.shared_cache(ancestors[min(1, len(ancestors) - 1)])
    absolute = resolver.absolute_cache
    edges: set[int] = set()
    findings = result.findings
    fast_fragments = external_base is None and document == resolver.address.prefix + page
    hit: tuple[Target, str | None] | None  # (target, fragment), looked up in a cache first
    for element, value in refs:
        first = value[:1]
        try:  # free unless raised (Python 3.11); a safety net under the resolver's own checks
            if external_base is not None:
                target = resolver.resolve_external_base(value, external_base)
                hit = (target, target.fragment)
            elif first == "#" and fast_fragments and _plain(value):
                # A same-page fragment (table of contents, heading and code-line anchors): the
                # most common reference of all, checked here without resolving anything.
                fragment: str | None = value[1:]
                if fragment and fragment not in own and not fragment_matches(fragment, own):
                    findings.append(missing_anchor(resolver, page, page, fragment, value, element))
                continue
            elif value.startswith("../"):
                hit = shared.get(value)
                if hit is None:
                    hit = shared[value] = resolver.resolve_fast(value, ancestors, page, document)
            elif first == "/" or (":" in value and scheme_of(value) is not None):
                hit = absolute.get(value)
                if hit is None:
                    hit = absolute[value] = resolver.resolve_fast(value, ancestors, page, document)
            else:
                hit = resolver.resolve_fast(value, ancestors, page, document)
        except ValueError as error:
            hit = (Target(MALFORMED, str(error)), None)
        target, fragment = hit
        target_index = target.index
        if target_index >= 0:  # a parsed page
            if element in HYPERLINKS:
                edges.add(target_index)
            if not fragment:
                continue
            if target_index != index:
                result.remote.append((target_index, fragment, value, element))
            elif not fragment_matches(fragment, own):
                findings.append(
                    missing_anchor(resolver, page, target.path, fragment, value, element)
                )
            continue
        kind = target.kind
        if kind in (PAGE, SKIP):
            continue  # an asset (fragments on non-pages are not checked), or mailto: and such
        if kind == EXTERNAL:
            if ctx.external:
                result.external.append((target.path, value, element))
        elif kind != "empty-link" or element not in EMPTY_ALLOWED:
            findings.append(_finding(page, target, value, element))
    result.edges = array("i", sorted(edges))


def _resolve(resolver: Resolver, value: str, base: str, page: str) -> Target:
    """`Resolver.resolve`, with any URL the standard library cannot split a finding."""
    try:
        return resolver.resolve(value, base, page)
    except ValueError as error:
        return Target(MALFORMED, str(error))


def _finding(page: str, target: Target, value: str, element: str) -> Finding:
    message = describe(target.kind, value, target, element)
    return Finding(page=page, reason=target.kind, href=value, element=element, message=message)


def _plain(value: str) -> bool:
    """No character that URL parsing would strip or remove (then the general path runs)."""
    return value[-1] > " " and "\n" not in value and "\t" not in value and "\r" not in value


def _apply_base(
    resolver: Resolver, page: str, base: str, base_href: str, result: PageResult
) -> tuple[str, str, str | None]:
    """(base folder, document URL path, external base URL) once <base href> applies.

    A <base href> browsers cannot parse is reported and ignored, as browsers ignore it.
    """
    document = resolver.address.prefix + page
    target = _resolve(resolver, base_href, base, page)
    if target.kind == MALFORMED:
        result.findings.append(_finding(page, target, base_href, "base[href]"))
    if target.kind == EXTERNAL:
        return base, document, target.path
    if target.url:
        return target.url.rpartition("/")[0] + "/", target.url, None
    return base, document, None


def _content_edges(ctx: ScanContext, page: str, hrefs: list[str]) -> array[int]:
    base = ctx.resolver.base_of(page)
    found = {_resolve(ctx.resolver, href, base, page).index for href in hrefs}
    return array("i", sorted(index for index in found if index >= 0))  # parsed pages only


def missing_anchor(
    resolver: Resolver, page: str, target_page: str, fragment: str, value: str, element: str
) -> Finding:
    """The finding for a `#fragment` that `target_page` does not define."""
    return Finding(
        page=page,
        reason="missing-anchor",
        href=value,
        element=element,
        message=f"missing anchor #{fragment} on {resolver.page_url(target_page)}",
    )


def describe(kind: str, value: str, target: Target, element: str) -> str:
    """The message of a finding decided from one reference."""
    where = "" if element == "a[href]" else f" ({element.replace('[', ' ').rstrip(']')})"
    if kind == "missing-page":
        return f"missing page {target.url}" + (f", {target.path}" if target.path else "") + where
    if kind == "outside-site":
        return f"link leaves the site: {value} resolves to {target.url or value}{where}"
    if kind == "markdown-link":
        return f"link to a Markdown file: {value} (link to the page built from it)"
    if kind == "empty-link":
        return f"empty {element}"
    if kind == MALFORMED:
        return f"malformed URL {printable(value)}: {target.path}{where}"
    if kind == "misspelt-scheme":
        scheme = value.partition(":")[0].strip()
        return f"misspelt URL scheme '{scheme}:' in {value} (did you mean '{target.path}:'?)"
    return f"{kind}: {value}"

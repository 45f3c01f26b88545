"""Check: run collect -> scan -> join, then the cross-page checks, and return the findings."""

from __future__ import annotations

import time
from array import array
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from .collect import DEFAULT_MAX_BYTES, collect
from .external import ExternalOptions, check_external
from .findings import Finding, InputError
from .parallel import default_jobs, scan
from .resolve import Resolver
from .rules import Rules, check_rules, load_rules
from .scan import PageResult, ScanContext, missing_anchor
from .sources import Tracer
from .urls import MalformedURL, SiteAddress, fragment_candidates

# Pages that are never linked on purpose: the error page hosts serve for unknown addresses.
UNLINKED_BY_DESIGN = frozenset({"404.html"})
NO_REFRESH = -2


@dataclass
class Options:
    """What to check; mirrors the command-line options."""

    site: Path
    base_url: str = "/"
    docs: Path | None = None
    rules: Path | None = None
    external: bool = False
    external_options: ExternalOptions = field(default_factory=ExternalOptions)
    jobs: int = field(default_factory=default_jobs)
    max_bytes: int = DEFAULT_MAX_BYTES
    orphans: bool = True
    # Where `docs` and `rules` are shown from in findings (docs/x.md, not /abs/docs/x.md);
    # None shows them as given.
    root: Path | None = None


@dataclass
class Report:
    """What a check found, and how much it checked and how fast."""

    findings: list[Finding]
    pages: int
    files: int
    seconds: float


def check_site(options: Options) -> Report:
    """Check a built site; raise InputError for bad input (missing folder, bad rules)."""
    start = time.perf_counter()
    address = site_address(options.base_url)
    rules = None
    if options.rules is not None:
        rules = load_rules(options.rules, _shown(options.rules, options.root))
    inventory = collect(options.site, options.max_bytes)
    resolver = Resolver(inventory, address)
    ctx = ScanContext(
        inventory,
        resolver,
        rule_pages=rules.rule_pages() if rules else frozenset(),
        external=options.external,
    )
    joined = Joined(ctx)
    for result in scan(ctx, options.jobs):
        joined.add(result)
    findings = inventory.findings + joined.findings + joined.finish()
    findings += redirect_loops(ctx, joined.redirect)
    if options.orphans:
        findings += orphans(ctx, joined)
    if rules is not None:
        findings += _rules_findings(rules, ctx, joined)
    if options.external:
        findings += check_external(joined.external, options.external_options)
    if options.docs is not None:
        label = _shown(options.docs, options.root)
        findings = Tracer(options.docs, options.site, resolver, rules, label).trace(findings)
    return Report(
        findings=findings,
        pages=len(inventory.pages),
        files=len(inventory.files),
        seconds=time.perf_counter() - start,
    )


def _shown(path: Path, root: Path | None) -> str:
    """`path` as findings show it: relative to `root` when it lies inside it."""
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix()


def site_address(base_url: str, name: str = "--base-url") -> SiteAddress:
    """The site's address from `base_url`; InputError naming `name` when it is malformed."""
    try:
        return SiteAddress.parse(base_url)
    except MalformedURL as error:
        raise InputError(f"{name} {base_url!r}: not a valid address: {error}") from None


class Joined:
    """Joins page results as they arrive; checks cross-page fragments once both ends are in."""

    def __init__(self, ctx: ScanContext) -> None:
        count = len(ctx.inventory.pages)
        self.ctx = ctx
        self.targets: list[str | None] = [None] * count
        self.arrived = bytearray(count)
        self.edges: list[array[int]] = [array("i")] * count
        self.redirect = array("i", [NO_REFRESH]) * count
        self.content_edges: dict[int, array[int]] = {}
        self.findings: list[Finding] = []
        self.external: dict[str, list[tuple[str, str, str]]] = {}
        self._pending: dict[int, list[tuple[int, int, str, str, str]]] = {}
        self._failed: list[tuple[int, int, str, str, str]] = []

    def add(self, result: PageResult) -> None:
        """Keep one scanned page's results; check its links into pages already here."""
        index = result.index
        self.targets[index] = result.targets
        self.edges[index] = result.edges
        self.redirect[index] = result.redirect
        self.arrived[index] = 1
        if result.content_edges is not None:
            self.content_edges[index] = result.content_edges
        self.findings.extend(result.findings)
        for target, fragment, href, element in result.remote:
            ref = (index, target, fragment, href, element)
            if self.arrived[target]:
                self._check(ref)
            else:
                self._pending.setdefault(target, []).append(ref)
        for ref in self._pending.pop(index, ()):
            self._check(ref)
        page = self.ctx.inventory.pages[index]
        for url, href, element in result.external:
            self.external.setdefault(url, []).append((page, href, element))

    def _check(self, ref: tuple[int, int, str, str, str]) -> None:
        blob = self.targets[ref[1]]
        if blob is not None and not has_fragment(blob, ref[2]):
            self._failed.append(ref)  # may still land after a redirect; decided in finish()

    def finish(self) -> list[Finding]:
        """Missing cross-page anchors, after following meta-refresh redirects."""
        pages, resolver = self.ctx.inventory.pages, self.ctx.resolver
        return [
            missing_anchor(resolver, pages[source], pages[target], fragment, href, element)
            for source, target, fragment, href, element in self._failed
            if not any(
                has_fragment(self.targets[hop] or "", fragment)
                for hop in redirect_chain(self.redirect, target)
            )
        ]


def has_fragment(blob: str, fragment: str) -> bool:
    """`fragment_matches` against the "\\0"-joined targets a worker returns."""
    if not fragment:
        return True
    encoded, decoded = fragment_candidates(fragment)
    if f"\0{encoded}\0" in blob or f"\0{decoded}\0" in blob:
        return True
    return decoded.lower() == "top"


def redirect_chain(redirect: array[int], start: int) -> list[int]:
    """The pages a meta-refresh chain from `start` passes through (not `start` itself)."""
    chain: list[int] = []
    current = redirect[start]
    while current >= 0 and current != start and current not in chain:
        chain.append(current)
        current = redirect[current]
    return chain


def redirect_loops(ctx: ScanContext, redirect: array[int]) -> list[Finding]:
    """One finding per cycle of meta-refresh redirects, on its first page."""
    findings = []
    pages = ctx.inventory.pages
    reported: set[int] = set()
    for start in range(len(redirect)):
        if redirect[start] < 0 or start in reported:
            continue
        seen = [start, *redirect_chain(redirect, start)]
        if redirect[seen[-1]] == start:
            reported.update(seen)
            cycle = " -> ".join(ctx.resolver.page_url(pages[i]) for i in [*seen, start])
            findings.append(
                Finding(
                    page=pages[start],
                    reason="redirect-loop",
                    message=f"meta-refresh redirect loop: {cycle}",
                )
            )
    return findings


def orphans(ctx: ScanContext, joined: Joined) -> list[Finding]:
    """Pages no chain of links or navigation reaches from the home page."""
    pages = ctx.inventory.pages
    home = ctx.resolver.page_index.get("index.html")
    if home is None:
        if not pages:
            return []
        return [
            Finding(
                page="index.html",
                reason="orphan-page",
                message="the site has no home page (index.html), so every page is unreachable",
            )
        ]
    reached = bytearray(len(pages))
    reached[home] = 1
    queue = deque([home])
    while queue:
        for target in joined.edges[queue.popleft()]:
            if not reached[target]:
                reached[target] = 1
                queue.append(target)
    return [
        Finding(
            page=page,
            reason="orphan-page",
            message=f"page {ctx.resolver.page_url(page)} is not reachable from the home page",
        )
        for index, page in enumerate(pages)
        # Redirect stubs for moved pages are unlinked by design, and so is the 404 page.
        if not reached[index]
        and joined.redirect[index] == NO_REFRESH
        and page not in UNLINKED_BY_DESIGN
        and joined.targets[index] is not None
    ]


def _rules_findings(rules: Rules, ctx: ScanContext, joined: Joined) -> list[Finding]:
    pages = ctx.inventory.pages
    linked: dict[str, set[str]] = {}
    for index, edges in joined.content_edges.items():
        reached: set[str] = set()
        for target in edges:
            reached.add(pages[target])
            reached.update(pages[hop] for hop in redirect_chain(joined.redirect, target))
        linked[pages[index]] = reached
    return check_rules(rules, ctx.inventory.files, ctx.resolver.page_url, linked)

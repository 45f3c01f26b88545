"""Build the site with MkDocs and with Zensical and compare the two page by page (make zensical).

Each engine builds the site at the default address and under a sub-path
SITE_URL; the link checker must be clean on all four builds. The two builds
at the default address are then compared page by page: the same files, and
for every page the same main-content text, headings, tables, charts,
tooltips, links and search entries. A difference is either listed in
bench/zensical/known-differences.yml with its reason, or it fails the run.
One line per page and a verdict are printed; the comparison is written to
the "Zensical" section of bench/RESULTS.md (the other sections are kept).

The comparison functions work on HTML text and file lists only, so the unit
tests (tests/engines) run them on small fixtures without Zensical installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scripts.output.csp import META_NAME, inline_scripts, script_hash, trusted

REPO = Path(__file__).resolve().parents[2]
KNOWN = Path(__file__).with_name("known-differences.yml")
RESULTS = REPO / "bench" / "RESULTS.md"
OUT = REPO / "bench" / "out" / "zensical"
SECTION = "## Zensical"
# A sub-path address: links that only work at the site's root show up here.
SUB_PATH_URL = "https://example.org/ketamine-guide/"
ASPECTS = (
    "files",
    "text",
    "headings",
    "tables",
    "charts",
    "tooltips",
    "links",
    "search",
    "head",  # the page's title, description, canonical link, meta tags and schema.org data
    "link check",  # a finding of scripts/check_links.py on one build
)
# Where each engine writes its search index (Material's lunr index, Zensical's own).
SEARCH_INDEXES = ("search/search_index.json", "search.json")


# --- What a page shows -------------------------------------------------------------------


@dataclass(frozen=True)
class PageView:
    """The parts of a built page a reader meets, engine-neutral."""

    text: str
    headings: tuple[tuple[str, str, str], ...]  # (tag, id, text)
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # caption row, then each row's cells
    charts: tuple[tuple[str, str], ...]  # (title, description) of each chart
    tooltips: tuple[tuple[str, str], ...]  # (term, definition) of each abbr
    links: tuple[str, ...]  # every link in the content, resolved to a path on the site
    head: tuple[tuple[str, str], ...] = ()  # (name, value) of what the <head> tells others


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text)).strip()


def _text(node: LexborNode) -> str:
    return _clean(node.text(deep=True, separator=" "))


def page_view(html: str, page_url: str) -> PageView:
    """What `html` (a built page served at `page_url`, such as /benefits/) shows in its
    main content: the theme around it differs by engine and is left out."""
    tree = LexborHTMLParser(html)
    article = tree.css_first("article") or tree.body
    if article is None:
        return PageView("", (), (), (), (), ())
    for permalink in article.css("a.headerlink"):
        permalink.decompose()
    headings = tuple(
        (node.tag, node.attributes.get("id") or "", _text(node))
        for node in article.css("h1, h2, h3, h4, h5, h6")
    )
    tables = tuple(_table(node) for node in article.css("table"))
    charts = tuple(
        (
            _text(svg.css_first("title")) if svg.css_first("title") else "",
            _text(svg.css_first("desc")) if svg.css_first("desc") else "",
        )
        for svg in article.css("svg[role=img]")
    )
    tooltips = tuple(
        (_text(node), _clean(node.attributes.get("title") or "")) for node in article.css("abbr")
    )
    links = tuple(
        resolve_link(node.attributes.get("href") or "", page_url) for node in article.css("a[href]")
    )
    return PageView(_text(article), headings, tables, charts, tooltips, links, _head(tree))


def _head(tree: LexborHTMLParser) -> tuple[tuple[str, str], ...]:
    """What the page tells browsers, search engines and link previews: its title, its meta
    tags (a security policy among them), its canonical link and its schema.org data."""
    if tree.head is None:
        return ()
    found = []
    title = tree.head.css_first("title")
    if title is not None:
        found.append(("title", _text(title)))
    for node in tree.head.css("meta, link[rel=canonical], script[type='application/ld+json']"):
        attributes = node.attributes
        if node.tag == "script":
            try:  # the same data, however each engine spaces its JSON
                value = json.dumps(json.loads(node.text()), sort_keys=True)
            except json.JSONDecodeError:
                value = _clean(node.text())
            found.append(("schema.org", value))
        elif node.tag == "link":
            found.append(("canonical", attributes.get("href") or ""))
        else:
            name = attributes.get("name") or attributes.get("property")
            name = name or attributes.get("http-equiv") or attributes.get("charset")
            value = _clean(attributes.get("content") or "")
            if name == META_NAME:
                value = _policy_view(value, tree.html or "")
            if name:
                found.append((name, value))
    return tuple(found)


def _policy_view(policy: str, html: str) -> str:
    """The security policy without its script hashes, and whether they allow exactly the
    page's inline scripts: each engine's theme has scripts of its own, so the hashes differ,
    while the policy must be the same and fit its own page."""
    hashes = set(re.findall(r"'sha256-[^']*'", policy))
    wanted = {script_hash(text) for text in trusted(inline_scripts(html), "")}
    fits = "fits its page's scripts" if hashes == wanted else "does NOT fit its page's scripts"
    without_hashes = _clean(re.sub(r" ?'sha256-[^']*'", "", policy))
    return f"{without_hashes} [{fits}]"


def _table(node: LexborNode) -> tuple[tuple[str, ...], ...]:
    caption = node.css_first("caption")
    rows = [(_text(caption),)] if caption else []
    for row in node.css("tr"):
        rows.append(tuple(_text(cell) for cell in row.css("th, td")))
    return tuple(rows)


def resolve_link(href: str, page_url: str) -> str:
    """A link as the path it reaches on the site (`../sources/#x` from /benefits/ is
    /sources/#x), so two spellings of the same target compare equal. A link that climbs
    above the site's root (`../../sources/#x` from /benefits/) keeps its `/..`: at the
    root of a domain a browser would forgive it, under a sub-path it is broken. Other
    sites' links, and tel: and mailto: links, are kept as written."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    root = "/site-root/"
    target = urlsplit(urljoin("https://site.invalid" + root + page_url.lstrip("/"), href))
    path = target.path
    path = "/" + path[len(root) :] if path.startswith(root) else "/.." + path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path + (f"#{target.fragment}" if target.fragment else "")


# --- Search entries ------------------------------------------------------------------------


def search_entries(index: Mapping[str, object]) -> dict[str, list[tuple[str, str, str]]]:
    """The search index of either engine as page -> [(anchor, title, text)]: Material's
    MkDocs index lists `docs`, Zensical's `items`; both give location, title and text."""
    rows = index.get("docs") or index.get("items") or []
    pages: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows if isinstance(rows, list) else []:
        location = str(row.get("location", ""))
        page, _, anchor = location.partition("#")
        text = _clean(re.sub(r"<[^>]+>", " ", str(row.get("text", ""))))
        pages.setdefault(page, []).append((anchor, _clean(str(row.get("title", ""))), text))
    return pages


# --- Differences -------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One way the two engines' builds of a page differ."""

    page: str  # the file in the built site, such as benefits/index.html
    aspect: str  # one of ASPECTS
    detail: str  # what differs, short


@dataclass(frozen=True)
class Known:
    """A difference the project expects, with its reason (bench/zensical/known-differences.yml)."""

    page: str  # a glob over site files
    aspect: str
    reason: str
    detail: str = ""  # text the difference's detail must contain; empty matches any

    def explains(self, difference: Difference) -> bool:
        """Whether this known difference accounts for the one found."""
        return (
            self.aspect == difference.aspect
            and fnmatch.fnmatchcase(difference.page, self.page)
            and self.detail in difference.detail
        )


class KnownDifferencesError(ValueError):
    """The known-differences file is not a list of entries with page, aspect and reason."""


def load_known(text: str, label: str = "known-differences.yml") -> list[Known]:
    """Read the known differences; each needs a page glob, an aspect and a reason."""
    entries = yaml.safe_load(text) or []
    if not isinstance(entries, list):
        raise KnownDifferencesError(f"{label}: expected a list of entries, found {type(entries)}")
    known = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) and entry[key].strip()
            for key in ("page", "aspect", "reason")
        ):
            raise KnownDifferencesError(
                f"{label}: entry {number}: expected page, aspect and reason, each as text"
            )
        if entry["aspect"] not in ASPECTS:
            raise KnownDifferencesError(
                f"{label}: entry {number}: aspect {entry['aspect']!r}, expected one of "
                + ", ".join(ASPECTS)
            )
        unknown = set(entry) - {"page", "aspect", "reason", "detail"}
        if unknown:
            raise KnownDifferencesError(
                f"{label}: entry {number}: unknown key {sorted(unknown)[0]!r}"
            )
        known.append(
            Known(entry["page"], entry["aspect"], entry["reason"], entry.get("detail", ""))
        )
    return known


def _first_difference(left: Sequence[object], right: Sequence[object]) -> str:
    """A short description of where two sequences first part."""
    for index, (a, b) in enumerate(zip(left, right, strict=False)):
        if a != b:
            return f"item {index + 1}: MkDocs {_short(a)} / Zensical {_short(b)}"
    return f"MkDocs has {len(left)}, Zensical {len(right)}"


def _short(value: object, width: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _text_difference(left: str, right: str) -> str:
    """Where two texts first part, with a little context."""
    start = 0
    while start < min(len(left), len(right)) and left[start] == right[start]:
        start += 1
    return f"at character {start}: MkDocs {_short(left[start : start + 60])} / Zensical " + _short(
        right[start : start + 60]
    )


def compare_pages(page: str, mkdocs: PageView, zensical: PageView) -> list[Difference]:
    """Every aspect in which the same page differs between the two builds."""
    found = []
    if mkdocs.text != zensical.text:
        found.append(Difference(page, "text", _text_difference(mkdocs.text, zensical.text)))
    for aspect in ("headings", "tables", "charts", "tooltips", "links"):
        left, right = getattr(mkdocs, aspect), getattr(zensical, aspect)
        if left != right:
            found.append(Difference(page, aspect, _first_difference(left, right)))
    # One difference per name in the head, so a known one (the generator) hides no other.
    left_head, right_head = _by_name(mkdocs.head), _by_name(zensical.head)
    for name in sorted(set(left_head) | set(right_head)):
        left, right = left_head.get(name, []), right_head.get(name, [])
        if left != right:
            detail = f"{name!r}: MkDocs {_short(left)} / Zensical {_short(right)}"
            found.append(Difference(page, "head", detail))
    return found


def _by_name(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return grouped


def compare_files(mkdocs: Iterable[str], zensical: Iterable[str]) -> list[Difference]:
    """Files only one build has."""
    left, right = set(mkdocs), set(zensical)
    found = [Difference(path, "files", "only in the MkDocs build") for path in left - right]
    found += [Difference(path, "files", "only in the Zensical build") for path in right - left]
    return sorted(found, key=lambda difference: difference.page)


def compare_search(
    mkdocs: Mapping[str, list[tuple[str, str, str]]],
    zensical: Mapping[str, list[tuple[str, str, str]]],
    page_of: Mapping[str, str],
) -> list[Difference]:
    """Search entries per page; `page_of` maps a search location (benefits/) to its file."""
    found = []
    for location in sorted(set(mkdocs) | set(zensical)):
        left, right = mkdocs.get(location, []), zensical.get(location, [])
        if left != right:
            page = page_of.get(location, location or "index.html")
            found.append(Difference(page, "search", _first_difference(left, right)))
    return found


@dataclass
class Outcome:
    """Every difference, split into those a known entry explains and those none does."""

    explained: list[tuple[Difference, Known]] = field(default_factory=list)
    unexplained: list[Difference] = field(default_factory=list)
    unused: list[Known] = field(default_factory=list)
    # How much was compared, from the MkDocs build: headings, tables, ... search entries.
    counts: dict[str, int] = field(default_factory=dict)


def explain(differences: Iterable[Difference], known: Sequence[Known]) -> Outcome:
    """Sort the differences found into known and unexplained ones."""
    outcome = Outcome()
    used: set[int] = set()
    for difference in differences:
        match = next((i for i, entry in enumerate(known) if entry.explains(difference)), None)
        if match is None:
            outcome.unexplained.append(difference)
        else:
            used.add(match)
            outcome.explained.append((difference, known[match]))
    outcome.unused = [entry for i, entry in enumerate(known) if i not in used]
    return outcome


def page_lines(pages: Sequence[str], outcome: Outcome) -> list[str]:
    """One line per page: same, or each aspect that differs and whether it is explained."""
    lines = []
    for page in pages:
        unexplained = sorted({d.aspect for d in outcome.unexplained if d.page == page})
        explained = sorted({d.aspect for d, _ in outcome.explained if d.page == page})
        if unexplained:
            status = "DIFFERENT: " + ", ".join(unexplained)
            if explained:
                status += " (known: " + ", ".join(explained) + ")"
        elif explained:
            status = "same, but for known differences: " + ", ".join(explained)
        else:
            status = "same"
        lines.append(f"{page}: {status}")
    return lines


# --- Comparing two built sites -------------------------------------------------------------


def site_files(site: Path) -> list[str]:
    """The files of a built site, as paths relative to it."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def page_url(path: str) -> str:
    """The address path of a built page: benefits/index.html -> /benefits/."""
    if path.endswith("index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path


def _is_page(path: str) -> bool:
    return path.endswith(".html") and not path.startswith("assets/")


def compare_sites(
    mkdocs: Path, zensical: Path, known: Sequence[Known], more: Iterable[Difference] = ()
) -> tuple[list[str], Outcome]:
    """The pages both builds have, and the outcome of comparing everything (with `more`
    differences found elsewhere, such as link findings)."""
    left, right = site_files(mkdocs), site_files(zensical)
    differences = compare_files(left, right) + list(more)
    pages = sorted(path for path in set(left) & set(right) if _is_page(path))
    counts = dict.fromkeys(("headings", "tables", "charts", "tooltips", "links"), 0)
    for page in pages:
        views = [
            page_view((site / page).read_text(encoding="utf-8"), page_url(page))
            for site in (mkdocs, zensical)
        ]
        differences.extend(compare_pages(page, *views))
        for aspect in counts:
            counts[aspect] += len(getattr(views[0], aspect))
    indexes = [_search_index(site) for site in (mkdocs, zensical)]
    page_of = {page_url(page).lstrip("/"): page for page in pages}
    differences.extend(compare_search(*indexes, page_of))
    outcome = explain(differences, known)
    outcome.counts = {**counts, "search entries": sum(len(rows) for rows in indexes[0].values())}
    return pages, outcome


def _search_index(site: Path) -> dict[str, list[tuple[str, str, str]]]:
    for name in SEARCH_INDEXES:
        if (site / name).is_file():
            return search_entries(json.loads((site / name).read_text(encoding="utf-8")))
    return {}


# --- Running the builds -----------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """One engine's build of the site, and where it was served."""

    engine: str
    address: str
    site: Path
    seconds: float
    ok: bool
    log: str
    findings: tuple[Mapping[str, object], ...] | None = None  # the link checker's; None: no build

    @property
    def link_findings(self) -> int | None:
        """How many link findings this build has, if they were counted."""
        return None if self.findings is None else len(self.findings)


def _run(argv: Sequence[str], env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        list(argv), cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True
    )


def _timed(argv: Sequence[str], env: Mapping[str, str]) -> tuple[bool, float, str]:
    start = time.perf_counter()
    result = _run(argv, env)
    return result.returncode == 0, time.perf_counter() - start, result.stdout + result.stderr


def build_both(zensical: Path, address: str | None) -> list[Build]:
    """Build with MkDocs and with Zensical at `address` (None: mkdocs.yml's default)."""
    name = "default" if address is None else "sub-path"
    env = {"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    if address is not None:
        env["SITE_URL"] = address
    builds = []
    mkdocs_site = OUT / f"mkdocs-{name}"
    ok, seconds, log = _timed(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(mkdocs_site)], env
    )
    builds.append(Build("MkDocs", name, mkdocs_site, seconds, ok, log))
    zensical_site = OUT / f"zensical-{name}"
    shutil.rmtree(zensical_site, ignore_errors=True)
    # Zensical has no --site-dir option; mkdocs.yml reads site_dir from SITE_DIR.
    zensical_env = {**env, "SITE_DIR": str(zensical_site.relative_to(REPO))}
    ok, seconds, log = _timed([str(zensical), "build", "--clean", "--strict"], zensical_env)
    if ok:  # Zensical runs no hooks: the policy, markup fixes and feed come from this step
        ok, finishing, log_finish = _timed(
            [sys.executable, "scripts/finish_site.py", str(zensical_site)], env
        )
        seconds, log = seconds + finishing, log + log_finish
    builds.append(Build("Zensical", name, zensical_site, seconds, ok, log))
    return [_with_links(build, env) for build in builds]


def _with_links(build: Build, env: Mapping[str, str]) -> Build:
    if not build.ok:
        return build
    argv = [sys.executable, "scripts/check_links.py", str(build.site), "--format", "json"]
    argv += ["--docs", "docs", "--rules", "data/xrefs.yml"]
    result = _run(argv, env)
    try:
        findings = tuple(json.loads(result.stdout))
    except json.JSONDecodeError:
        findings = ()
    if result.returncode != 0 and not findings:  # the checker itself failed: say so
        findings = ({"page": "", "reason": "checker", "message": result.stderr.strip()},)
    log = result.stdout + result.stderr if findings else build.log
    return Build(build.engine, build.address, build.site, build.seconds, build.ok, log, findings)


def link_differences(build: Build) -> list[Difference]:
    """Each link-checker finding on a build, as a difference to explain or to fix."""
    return [
        Difference(
            str(finding.get("page", "")),
            "link check",
            f"{build.engine} build, {build.address} address: {finding.get('reason')}: "
            f"{finding.get('message')}",
        )
        for finding in build.findings or ()
    ]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def readable(log: str, limit: int = 60) -> str:
    """A failed build's log without colour codes and Python's traceback frames: Zensical
    prints its warnings in colour and ends a strict build with a traceback."""
    lines = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", log).splitlines():
        stripped = line.strip()
        if stripped.startswith(("Traceback (most recent", "File ")) or set(stripped) <= {"^", "~"}:
            continue
        if not line.startswith(" ") or stripped.startswith(("│", "╭", "╰", "─")) or "│" in line:
            lines.append(line)
    return "\n".join(lines[:limit])


def zensical_version(zensical: Path) -> str:
    """The installed Zensical's version string."""
    return _run([str(zensical), "--version"], {}).stdout.strip() or "unknown"


# --- Report --------------------------------------------------------------------------------


def verdict(builds: Sequence[Build], outcome: Outcome) -> tuple[bool, str]:
    """Whether the comparison passes, and a line saying why."""
    failed = [f"{b.engine} build at the {b.address} address failed" for b in builds if not b.ok]
    if outcome.unexplained:
        failed.append(f"{len(outcome.unexplained)} unexplained differences")
    if failed:
        return False, "FAIL: " + "; ".join(failed)
    return True, (
        f"PASS: the same site from both engines ({len(outcome.explained)} known differences, "
        "0 unexplained)"
    )


def results_section(
    version: str, builds: Sequence[Build], pages: Sequence[str], outcome: Outcome, summary: str
) -> str:
    """The results section of the comparison report, in Markdown."""
    lines = [
        SECTION,
        "",
        f"`make zensical`, {dt.date.today().isoformat()}: Zensical {version} against MkDocs "
        f"{_version('mkdocs')} with Material {_version('mkdocs-material')}, both strict, the "
        "same mkdocs.yml, docs/, data/ and overrides/. "
        f"Addresses: mkdocs.yml's site_url and the sub-path `{SUB_PATH_URL}`.",
        "",
        "Build times are the wall-clock time of one run on this machine (2 cores, shared with "
        "other work, so they vary from run to run); each Zensical build is a clean one "
        "(`--clean`), as each MkDocs build is, and its time includes the finishing pass "
        "(scripts/finish_site.py) that MkDocs runs as a hook.",
        "",
        "| engine | address | build (s) | link findings |",
        "| --- | --- | ---: | ---: |",
    ]
    for build in builds:
        findings = "build failed" if build.link_findings is None else str(build.link_findings)
        lines.append(f"| {build.engine} | {build.address} | {build.seconds:.1f} | {findings} |")
    compared = ", ".join(f"{count} {name}" for name, count in outcome.counts.items())
    lines += [
        "",
        f"Pages compared at the default address: {len(pages)} ({compared}). {summary}",
        "",
    ]
    lines += ["| page | result |", "| --- | --- |"]
    for line in page_lines(pages, outcome):
        page, _, status = line.partition(": ")
        lines.append(f"| `{page}` | {status} |")
    lines += ["", "Known differences (bench/zensical/known-differences.yml):", ""]
    reasons: dict[tuple[str, str], int] = {}
    for _, known in outcome.explained:
        key = (f"{known.aspect} of `{known.page}`", known.reason)
        reasons[key] = reasons.get(key, 0) + 1
    for (where, reason), count in reasons.items():
        lines.append(f"- {where} ({count}): {reason}")
    for difference in outcome.unexplained:
        lines.append(
            f"- UNEXPLAINED {difference.aspect} of `{difference.page}`: {difference.detail}"
        )
    lines.append("")
    return "\n".join(lines)


def write_section(results_file: Path, text: str) -> None:
    """Replace the Zensical section of RESULTS.md, keeping every other section."""
    current = (
        results_file.read_text(encoding="utf-8") if results_file.is_file() else "# Benchmarks\n"
    )
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = text.rstrip("\n") + "\n\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + block
    results_file.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build the site with both engines and compare; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", type=Path, required=True, help="the zensical command")
    parser.add_argument("--known", type=Path, default=KNOWN, help="the known differences")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to update")
    args = parser.parse_args(argv)
    try:
        known = load_known(args.known.read_text(encoding="utf-8"), str(args.known))
    except (OSError, KnownDifferencesError, yaml.YAMLError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    builds = build_both(args.zensical, None) + build_both(args.zensical, SUB_PATH_URL)
    for build in builds:
        findings = "-" if build.link_findings is None else build.link_findings
        print(
            f"{build.engine} build, {build.address} address: {'ok' if build.ok else 'FAILED'} "
            f"in {build.seconds:.1f} s, link findings: {findings}"
        )
        if not build.ok:
            print(readable(build.log), file=sys.stderr)
    links = [difference for build in builds for difference in link_differences(build)]
    if all(build.ok for build in builds[:2]):
        pages, outcome = compare_sites(builds[0].site, builds[1].site, known, links)
    else:
        pages, outcome = [], explain(links, known)
    for line in page_lines(pages, outcome):
        print(line)
    if outcome.counts:
        print("compared: " + ", ".join(f"{n} {name}" for name, n in outcome.counts.items()))
    for difference in outcome.unexplained:
        print(f"  unexplained {difference.aspect} of {difference.page}: {difference.detail}")
    for entry in outcome.unused:
        print(f"  note: known difference no longer seen: {entry.aspect} of {entry.page}")
    passed, summary = verdict(builds, outcome)
    print(summary)
    version = zensical_version(args.zensical)
    write_section(args.results, results_section(version, builds, pages, outcome, summary))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())

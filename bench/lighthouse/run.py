"""Benchmark: Lighthouse scores and first-visit bytes of every page, as a phone on 4G sees them.

Builds the site, serves it gzip-compressed on 127.0.0.1 (the server the browser tests use,
which behaves like GitHub Pages), runs the pinned Lighthouse (bench/lighthouse/package.json)
with its default mobile settings in Debian's Chromium against each page, and writes the
"Lighthouse" section of bench/RESULTS.md (other sections of that file are left as they are).

    python -m bench.lighthouse.run          (or: make bench-lighthouse)

Target: 100 in performance, accessibility, best practices and SEO on every page, and under
150 KB transferred for a first visit to any page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.browser.site_server import SiteServer
from tests.support.pages import markdown_pages, page_url
from tests.support.repo import mkdocs_build

REPO = Path(__file__).resolve().parents[2]

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
RESULTS = REPO / "bench" / "RESULTS.md"
SECTION = "## Lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET_KB = 150
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


@dataclass
class PageResult:
    """Lighthouse's scores and transfer sizes for one page."""

    path: str
    scores: dict[str, int]
    transferred: int  # bytes over the network for a first visit, compressed
    requests: list[tuple[str, int]]  # (url, transferred bytes), largest first
    failing: list[str]  # audits below a full score, with their titles


def run_lighthouse(url: str, chrome: str, out: Path) -> dict:
    """One Lighthouse run with its default (mobile) settings; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = dict(os.environ, CHROME_PATH=chrome)
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url} (exit {done.returncode}):\n{done.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(path: str, report: dict, base: str) -> PageResult:
    """Scores, bytes and the audits that cost points, from one Lighthouse report."""
    audits = report["audits"]
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    items = audits["network-requests"]["details"]["items"]
    requests = sorted(
        ((item["url"].replace(base, "/"), int(item.get("transferSize", 0))) for item in items),
        key=lambda pair: -pair[1],
    )
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                failing.append(f"{category}: {audit['title']}" + (f" ({shown})" if shown else ""))
    return PageResult(
        path, scores, int(audits["total-byte-weight"]["numericValue"]), requests, failing
    )


def render(results: list[PageResult], version: str, chrome_version: str) -> str:
    """The Markdown section: a table per page, then what is transferred and what costs points."""
    lines = [
        SECTION,
        "",
        f"Lighthouse {version}, default mobile settings (simulated slow 4G, 4x CPU slowdown), "
        f"{chrome_version}, against the built site served gzip-compressed on 127.0.0.1 by "
        "`tests/browser/site_server.py` (GitHub Pages' behaviour). Transferred: every byte a "
        "first visit downloads, compressed, including the search index Material's worker "
        f"fetches. Target: 100 in all four, under {BUDGET_KB} KB.",
        "",
        "| page | performance | accessibility | best practices | SEO | transferred (KB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        s = r.scores
        kb = r.transferred / 1024
        flag = "" if kb < BUDGET_KB else " (over)"
        lines.append(
            f"| `{r.path}` | {s['performance']} | {s['accessibility']} | "
            f"{s['best-practices']} | {s['seo']} | {kb:.1f}{flag} |"
        )
    heaviest = max(results, key=lambda r: r.transferred)
    lines += ["", f"What a first visit to `{heaviest.path}` (the heaviest) downloads:", ""]
    lines += ["| file | KB |", "| --- | ---: |"]
    lines += [f"| `{url}` | {size / 1024:.1f} |" for url, size in heaviest.requests if size]
    costs = sorted({item for r in results for item in r.failing})
    lines += ["", "Audits below a full score:" if costs else "No audit below a full score.", ""]
    for item in costs:
        pages = [r.path for r in results if item in r.failing]
        where = "every page" if len(pages) == len(results) else ", ".join(f"`{p}`" for p in pages)
        lines.append(f"- {item}: {where}")
    return "\n".join(lines) + "\n"


def write_section(results_file: Path, text: str, notes: str) -> None:
    """Replace the "Lighthouse" section of RESULTS.md, keeping every other section."""
    current = (
        results_file.read_text(encoding="utf-8") if results_file.is_file() else "# Benchmarks\n"
    )
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = text + ("\n" + notes.strip() + "\n" if notes.strip() else "") + "\n"
    updated = (
        pattern.sub(lambda _: block, current)
        if pattern.search(current)
        else current.rstrip("\n") + "\n\n" + block
    )
    results_file.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure the built site with Lighthouse and update the results file; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to update")
    parser.add_argument("--notes", type=Path, default=HERE / "NOTES.md", help="analysis to append")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        parser.error(f"{LIGHTHOUSE} is missing: run `make bench-lighthouse` (npm ci)")
    if not Path(args.chrome).is_file():
        parser.error(f"no Chromium at {args.chrome}: run `make chromium` or pass --chrome")
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    chrome_version = subprocess.run(
        [args.chrome, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        site = args.site or Path(work) / "site"
        if args.site is None:
            built = mkdocs_build(REPO, site)
            if built.returncode != 0:
                raise SystemExit(f"the site did not build:\n{built.stdout}\n{built.stderr}")
        results = []
        with SiteServer(site) as server:
            for page in markdown_pages():
                path = page_url(page)
                report = run_lighthouse(
                    server.url + path.lstrip("/"), args.chrome, Path(work) / "lh.json"
                )
                results.append(summarise(path, report, server.url))
                print(
                    f"{path}: {results[-1].scores} {results[-1].transferred / 1024:.1f} KB",
                    flush=True,
                )
    notes = args.notes.read_text(encoding="utf-8") if args.notes.is_file() else ""
    text = render(results, version, chrome_version)
    write_section(args.results, text, notes)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: this link checker against lychee and LinkChecker on synthetic Material sites.

For each size (2,000 and 8,000 pages by default) it writes a site with `sitegen`, runs the
three tools on it in turns, measures wall time and peak memory, scores each tool's report
against the injected faults (recall and false positives), and writes the "Link checker"
section of bench/RESULTS.md (other sections of that file are left as they are).

    python bench/linkcheck/run.py --tools bench/.venv/bin   (or: make bench-links)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import sitegen

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "bench" / "RESULTS.md"
SECTION = "## Link checker"


@dataclass
class Run:
    """One run of a checker: wall time, peak memory and how it ended."""

    wall: float
    peak_mb: float
    returncode: int | None  # None when stopped at the time cap
    capped: bool = False
    cpu: float = 0.0  # user + system seconds of the whole process tree


@dataclass
class Score:
    """How a checker's report compares with the faults planted in the site."""

    found: int = 0
    link_faults_found: int = 0  # faults a URL names: all but orphans and required links
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def _tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and all its descendants, from /proc."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue  # the process ended between two reads
    return total


def measure(argv: list[str], cap: float, stdout: Path | None = None) -> Run:
    """Run `argv`, sampling the memory of its whole process tree every 20 ms."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    capped = False
    try:
        process.wait(timeout=cap)
    except subprocess.TimeoutExpired:
        capped = True
        os.killpg(process.pid, signal.SIGKILL)  # the group this run started, nothing else
        process.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every process of the run is reaped
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done.set()
    sampler.join()
    if stdout:
        out.close()
    return Run(
        wall=wall,
        peak_mb=peak / 1024,
        returncode=None if capped else process.returncode,
        capped=capped,
        cpu=cpu,
    )


def _unquoted(url: str) -> str:
    return unquote(url.split("://", 1)[-1])


def _matches(fault: sitegen.Fault, page: str, url: str, site: Path) -> bool:
    """Whether a peer's report (`url` on `page`) names `fault`."""
    if fault.token is None or page != fault.page:
        return False
    if fault.token == "":  # an empty href: the page's own address
        own = _unquoted((site / page).as_uri())
        bare = _unquoted(url).split("#")[0]
        return bare in (own, own[: -len("index.html")], own[: -len("/index.html")])
    return fault.token in _unquoted(url)


def score_reports(faults: list[sitegen.Fault], reports: list[tuple[str, str]], site: Path) -> Score:
    """Recall and false positives for a peer's (page, url) error reports."""
    score = Score()
    for fault in faults:
        if any(_matches(fault, page, url, site) for page, url in reports):
            score.found += 1
            score.link_faults_found += fault.token is not None
        else:
            score.missed.append(f"{fault.kind} ({fault.page})")
    score.false_positives = sorted(
        f"{page} -> {url}"
        for page, url in set(reports)
        if not any(_matches(fault, page, url, site) for fault in faults)
    )
    return score


def score_ours(faults: list[sitegen.Fault], findings: list[dict]) -> Score:
    """Our findings must carry the fault's page, reason and href exactly."""
    score = Score()

    def matches(fault: sitegen.Fault, finding: dict) -> bool:
        if (finding["page"], finding["reason"]) != (fault.page, fault.reason):
            return False
        return fault.token is None or finding.get("href", "") == fault.href  # page-level

    for fault in faults:
        if any(matches(fault, finding) for finding in findings):
            score.found += 1
            score.link_faults_found += fault.token is not None
        else:
            score.missed.append(f"{fault.kind} ({fault.page})")
    score.false_positives = sorted(
        f"{f['page']}: {f['message']}"
        for f in findings
        if not any(matches(fault, f) for fault in faults)
    )
    return score


def lychee_reports(output: Path, site: Path) -> list[tuple[str, str]]:
    """The (page, URL) pairs lychee reported as errors in its JSON `output`."""
    if not output.is_file():
        return []
    data = json.loads(output.read_text(encoding="utf-8") or "{}")
    reports = []
    for source, errors in (data.get("error_map") or {}).items():
        page = Path(source).resolve().relative_to(site.resolve()).as_posix()
        reports.extend((page, error["url"]) for error in errors)
    return reports


def linkchecker_reports(output: Path, site: Path) -> list[tuple[str, str]]:
    """Invalid URLs, and anchor warnings (LinkChecker reports missing anchors as warnings)."""
    if not output.is_file():
        return []
    rows = [
        line
        for line in output.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    reports = []
    root = site.resolve().as_uri() + "/"
    for row in csv.DictReader(rows, delimiter=";"):
        bad = row.get("valid") == "False" or "anchor" in (row.get("warningstring") or "").lower()
        parent = row.get("parentname") or ""
        if bad and parent.startswith(root):
            url = row.get("url") or row.get("urlname") or ""
            reports.append((unquote(parent[len(root) :]), url))
    return reports


@dataclass
class SizeResult:
    """Every checker's runs and scores on one generated site."""

    pages: int
    html_mb: float
    links: int
    faults: list[sitegen.Fault]
    runs: dict[str, list[Run]] = field(default_factory=dict)
    scores: dict[str, Score] = field(default_factory=dict)


def bench_size(
    pages: int, work: Path, tools: Path, repeat: int, cap: float, linkchecker_cap: float
) -> SizeResult:
    """Generate a site of `pages` pages and time every checker over it."""
    site = work / f"site-{pages}"
    shutil.rmtree(site, ignore_errors=True)
    print(f"[{pages}] generating the site ...", flush=True)
    manifest = sitegen.generate(site, pages)
    result = SizeResult(manifest.pages, manifest.html_bytes / 1e6, manifest.links, manifest.faults)
    ours_out, lychee_out = work / f"ours-{pages}.json", work / f"lychee-{pages}.json"
    ours = [
        sys.executable,
        str(REPO / "scripts/check_links.py"),
        str(site),
        "--no-defaults",
        "--base-url",
        sitegen.SITE_URL,
        "--rules",
        manifest.rules,
        "--format",
        "json",
    ]
    lychee = [
        str(tools / "lychee"),
        "--offline",
        "--include-fragments",
        "--root-dir",
        str(site.resolve()),
        "--index-files",
        "index.html",
        "--no-progress",
        "--format",
        "json",
        "--output",
        str(lychee_out),
        str(site),
    ]
    for n in range(repeat):  # in turns, so a busy moment of the machine hits both alike
        print(f"[{pages}] round {n + 1}/{repeat}: ours, lychee", flush=True)
        result.runs.setdefault("ours", []).append(measure(ours, cap, stdout=ours_out))
        result.runs.setdefault("lychee", []).append(measure(lychee, cap))
    result.scores["ours"] = score_ours(manifest.faults, json.loads(ours_out.read_text() or "[]"))
    result.scores["lychee"] = score_reports(manifest.faults, lychee_reports(lychee_out, site), site)
    print(f"[{pages}] LinkChecker (stopped after {linkchecker_cap:.0f} s)", flush=True)
    result.runs["linkchecker"] = [_run_linkchecker(tools, site, work, pages, linkchecker_cap)]
    if not result.runs["linkchecker"][0].capped:
        result.scores["linkchecker"] = score_reports(
            manifest.faults, linkchecker_reports(work / f"linkchecker-{pages}.csv", site), site
        )
    return result


def _run_linkchecker(tools: Path, site: Path, work: Path, pages: int, cap: float) -> Run:
    config = work / "linkcheckerrc"
    config.write_text("[AnchorCheck]\n", encoding="utf-8")  # check fragments too
    output = work / f"linkchecker-{pages}.csv"
    output.unlink(missing_ok=True)
    argv = [
        str(tools / "linkchecker"),
        "--config",
        str(config),
        "--no-status",
        "-o",
        "none",
        "-F",
        f"csv/utf-8/{output}",
        (site / "index.html").resolve().as_uri(),
    ]
    return measure(argv, cap)


def _median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.wall)
    return ordered[len(ordered) // 2]


def _time(run: Run, cap: float) -> str:
    return f"> {cap:.0f} s (stopped)" if run.capped else f"{run.wall:.2f} s"


def render(results: list[SizeResult], cap: float, linkchecker_cap: float, repeat: int) -> str:
    """The results as the Markdown section the results file keeps."""
    lines = [SECTION, ""]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += [
        f"Run on {time.strftime('%Y-%m-%d')} ({platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {load} at the end) by "
        "`make bench-links`; times are the median of "
        f"{repeat} runs taken in turns, memory is the peak resident memory of the tool's whole "
        "process tree (sampled every 20 ms; for our checker, the main process plus its workers).",
        "",
        "The sites are written directly in the shape Material for MkDocs 9 produces (head, "
        "header, pruned navigation, table of contents, article, footer, the `__config` "
        "script, directory URLs and an absolute canonical link), because running `mkdocs "
        "build` for 8,000 pages would take many minutes; `bench/linkcheck/sitegen.py` writes "
        "them. Each carries the same injected faults (`Fault` in sitegen.py) and traps "
        "(valid links that checkers get wrong).",
        "",
        "Commands: ours `scripts/check_links.py SITE --base-url https://example.org/guide/ "
        "--rules RULES --format json`; lychee `--offline --include-fragments --root-dir SITE "
        "--index-files index.html`; LinkChecker from `index.html` with its AnchorCheck "
        f"plugin, stopped after {linkchecker_cap:.0f} s.",
        "",
        "| pages | HTML | links | tool | wall time | CPU time | peak memory | faults found | "
        "of which link faults | false positives |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        link_faults = sum(f.token is not None for f in r.faults)
        for tool in ("ours", "lychee", "linkchecker"):
            run = _median(r.runs[tool])
            score = r.scores.get(tool)
            limit = linkchecker_cap if tool == "linkchecker" else cap
            found = f"{score.found}/{len(r.faults)}" if score else "n/a (stopped)"
            link = f"{score.link_faults_found}/{link_faults}" if score else "n/a"
            false = str(len(score.false_positives)) if score else "n/a"
            lines.append(
                f"| {r.pages} | {r.html_mb:.0f} MB | {r.links} | {tool} | "
                f"{_time(run, limit)} | {run.cpu:.2f} s | {run.peak_mb:.0f} MB | {found} | "
                f"{link} | {false} |"
            )
    lines += [
        "",
        "| pages | ours / lychee, median wall time | per round (run in turns) | CPU time | "
        "ours, wall seconds per 1,000 pages |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        ours, lychee = _median(r.runs["ours"]), _median(r.runs["lychee"])
        rounds = ", ".join(
            f"{a.wall / b.wall:.3f}" for a, b in zip(r.runs["ours"], r.runs["lychee"], strict=True)
        )
        cpu = statistics.median(x.cpu for x in r.runs["ours"]) / statistics.median(
            x.cpu for x in r.runs["lychee"]
        )
        lines.append(
            f"| {r.pages} | {ours.wall / lychee.wall:.3f} | {rounds} | {cpu:.3f} | "
            f"{ours.wall / r.pages * 1000:.3f} |"
        )
    lines += [
        "",
        "Runs (wall seconds, in order): "
        + "; ".join(
            f"{r.pages} pages: ours {', '.join(f'{x.wall:.2f}' for x in r.runs['ours'])}, lychee "
            f"{', '.join(f'{x.wall:.2f}' for x in r.runs['lychee'])}"
            for r in results
        ),
        "",
    ]
    for r in results:
        for tool, score in r.scores.items():
            if score.false_positives:
                shown = "; ".join(score.false_positives[:6])
                more = len(score.false_positives) - 6
                lines.append(
                    f"- {r.pages} pages, {tool}, false positives: {shown}"
                    + (f" (and {more} more)" if more > 0 else "")
                )
            if score.missed:
                lines.append(f"- {r.pages} pages, {tool}, missed: {', '.join(score.missed)}")
    lines.append("")
    return "\n".join(lines)


def write_section(results_file: Path, text: str, notes: str) -> None:
    """Replace the "Link checker" section of RESULTS.md, keeping every other section."""
    current = (
        results_file.read_text(encoding="utf-8") if results_file.is_file() else "# Benchmarks\n"
    )
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = text + ("\n" + notes.strip() + "\n" if notes.strip() else "") + "\n"
    updated = (
        pattern.sub(lambda _: block, current)
        if pattern.search(current)
        else (current.rstrip("\n") + "\n\n" + block)
    )
    results_file.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark at every size and update the results file; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tools",
        type=Path,
        default=REPO / "bench/.venv/bin",
        help="folder holding the lychee and linkchecker executables",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=600.0, help="seconds before a run stops")
    parser.add_argument("--linkchecker-cap", type=float, default=240.0)
    parser.add_argument("--work", type=Path, default=REPO / "bench/out/linkcheck")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to update")
    parser.add_argument(
        "--notes",
        type=Path,
        default=Path(__file__).with_name("NOTES.md"),
        help="analysis appended under the tables",
    )
    args = parser.parse_args(argv)
    for tool in ("lychee", "linkchecker"):
        if not (args.tools / tool).is_file():
            parser.error(f"{args.tools / tool} is missing: run `make bench-links`")
    args.work.mkdir(parents=True, exist_ok=True)
    results = [
        bench_size(n, args.work, args.tools, args.repeat, args.cap, args.linkchecker_cap)
        for n in args.sizes
    ]
    notes = args.notes.read_text(encoding="utf-8") if args.notes.is_file() else ""
    text = render(results, args.cap, args.linkchecker_cap, args.repeat)
    write_section(args.results, text, notes)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

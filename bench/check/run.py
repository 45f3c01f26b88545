"""How long `make check` takes on this site, and how that grows with generated pages.

For each size, a copy of the repository gets that many extra pages (prose,
headings, lists, macro calls, links and anchors between them, all in the
navigation), then `scripts/check.py --timings` runs in the copy. A plain
`mkdocs build --strict` of the same copy is timed beside it: the build is the
floor any check has to pay, so the ratio shows what the other checks add.
Writes the "make check" section of bench/RESULTS.md (other sections of that
file are left as they are).

Usage: python -m bench.check.run [--sizes 100 1000 3000] [--repeat 3] [--results FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.editors.workspace import make_copy
from tests.support.repo import project_env

REPO = Path(__file__).resolve().parents[2]

RESULTS = REPO / "bench" / "RESULTS.md"
SECTION = "## make check"
STEP_RE = re.compile(r"^\s+(?P<step>\w+)\s+(?P<seconds>[\d.]+) s$")


def _words(text: str) -> list[str]:
    return text.split()


# About 60 x 60 names: enough for 3,500 pages, all real words.
ADJECTIVES = _words(
    "amber azure bright brisk calm clear cool crisp dark deep dry early east fair fast "
    "fine firm fresh gentle gold green grey high kind large late light long loud low mild "
    "misty new north old open pale plain proud quick quiet rapid red rich round shy silver "
    "slow small soft south still sunny swift tall warm west white wide wild young"
)
NOUNS = _words(
    "acorn alder apple ash aspen bay beech birch bramble brook cedar cherry clover cove "
    "creek daisy dale elm fern field fir forest glade grove hazel heath hill holly iris "
    "ivy lake larch laurel lily maple meadow moss oak orchard pine plum pond poplar reed "
    "ridge river rose rowan sage spruce stone stream thistle valley willow wood yarrow yew"
)


@dataclass
class Measure:
    """The timings of one site size: `make check` and the build, over several runs."""

    pages: int  # generated pages added to the site's own
    site_pages: int
    check: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    check_cpu: list[float] = field(default_factory=list)
    build_cpu: list[float] = field(default_factory=list)
    steps: dict[str, float] = field(default_factory=dict)


def word_for(index: int) -> str:
    """A page's name in plain words: prose on these pages must show no digits or typos."""
    first, second = divmod(index, len(NOUNS))
    return f"{ADJECTIVES[first % len(ADJECTIVES)]} {NOUNS[second]}"


def page_text(index: int, total: int) -> str:
    """One generated page: front matter, headings, prose, a list, macros and links."""
    name = word_for(index)
    after = (index + 1) % total
    before = (index - 1) % total
    return f"""---
title: Practice page {name}
description: A generated page used to measure how the checks grow with the size of the site.
reviewed: 2026-11-24
review_due: 2027-05-24
sources: [fava-2018, oxford-health-ketamine]
---

# Practice page {name}

This page stands in for a real page of the guide.
It has the same parts: prose, sections, a list, figures from the data and links.

## What the studies found

Of people with this kind of depression, the number who respond is {{{{ fact("trd_response") }}}}.
One service reports this for its own patients {{{{ cite("oxford-health-ketamine") }}}}.

- Read about {{{{ xref("dosage", "how doses are worked out") }}}}.
- Read about {{{{ xref("side-effects", "side effects") }}}}.
- See the [next practice page](page-{after:05d}.md#what-the-studies-found).
- See the [previous practice page](page-{before:05d}.md).

## What happens next

A clinician talks through the choices with you.
They check your health before each session and watch you during it.
You go back to [the top of this page](#practice-page-{name.replace(" ", "-")}) to read it again.

## Where this comes from

{{{{ cite("fava-2018") }}}}
"""


def add_pages(repo: Path, count: int) -> None:
    """Write `count` generated pages under docs/practice/ and list them in the navigation."""
    if count == 0:
        return
    folder = repo / "docs" / "practice"
    folder.mkdir(parents=True, exist_ok=True)
    nav = ["  - Practice pages:"]
    for index in range(count):
        (folder / f"page-{index:05d}.md").write_text(page_text(index, count), encoding="utf-8")
        nav.append(f"      - Practice page {word_for(index)}: practice/page-{index:05d}.md")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").rstrip("\n")
    if not text.split("\nnav:\n", 1)[1].strip().startswith("- "):
        raise SystemExit("mkdocs.yml: nav is no longer the last block; update add_pages()")
    config.write_text(text + "\n" + "\n".join(nav) + "\n", encoding="utf-8")


def run(argv: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run `argv`; return its wall-clock seconds, its CPU seconds (with every process it
    started) and its result. CPU time hardly moves when other work shares the machine."""
    env = project_env(cwd)
    before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, _children_cpu() - before, result


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(repo: Path, pages: int, repeat: int) -> Measure:
    """Run `make check`'s driver on `repo` `repeat` times and keep its wall, CPU and step times."""
    site_pages = len(list((repo / "docs").rglob("*.md")))
    result = Measure(pages, site_pages)
    steps: dict[str, list[float]] = {}
    for _ in range(repeat):
        seconds, cpu, done = run([sys.executable, "scripts/check.py", "--timings"], repo)
        if done.returncode != 0:
            raise SystemExit(f"make check found problems at {pages} pages:\n{done.stdout[:2000]}")
        result.check.append(seconds)
        result.check_cpu.append(cpu)
        for line in done.stderr.splitlines():
            match = STEP_RE.match(line)
            if match:
                steps.setdefault(match["step"], []).append(float(match["seconds"]))
        with tempfile.TemporaryDirectory() as site:
            argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
            seconds, cpu, done = run(argv, repo)
            if done.returncode != 0:
                raise SystemExit(f"mkdocs build failed at {pages} pages:\n{done.stderr[-2000:]}")
            result.build.append(seconds)
            result.build_cpu.append(cpu)
    result.steps = {step: statistics.median(values) for step, values in steps.items()}
    return result


def render(results: list[Measure], repeat: dict[int, int]) -> str:
    """The results as the Markdown section the results file keeps."""
    base = statistics.median(results[0].check_cpu)
    cpus = os.cpu_count()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        SECTION,
        "",
        f"`make bench-check` ({dt.date.today().isoformat()}; Python "
        f"{platform.python_version()}, {cpus} CPUs, load average {load} at the end).",
        "Medians of the runs shown. CPU is the seconds of processor time of `make check` and",
        "every process it starts; it barely changes when other work shares the machine, while",
        "wall-clock time does (this machine was shared). `mkdocs build` is a plain strict build",
        "of the same copy, timed in the same run: the floor any check pays. The step columns",
        "are wall-clock seconds from `--timings`; they overlap, as the lints run while the",
        "site builds.",
        "",
        "| pages | runs | check CPU | vs. this site | build CPU | check / build | check wall "
        "| data | build | links | markdown | yaml | spelling |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for r in results:
        check_cpu = statistics.median(r.check_cpu)
        build_cpu = statistics.median(r.build_cpu)
        step = [f"{r.steps.get(name, 0):.2f}" for name in STEP_NAMES]
        label = f"{r.site_pages} (this site)" if r.pages == 0 else f"{r.site_pages}"
        lines.append(
            f"| {label} | {repeat[r.pages]} | {check_cpu:.2f} | {check_cpu / base:.1f}x "
            f"| {build_cpu:.2f} | {check_cpu / build_cpu:.2f} | {statistics.median(r.check):.2f} | "
            + " | ".join(step)
            + " |"
        )
    lines.append("")
    return "\n".join(lines)


STEP_NAMES = ("data", "build", "links", "markdown", "yaml", "spelling")


def write_section(results_file: Path, text: str) -> None:
    """Replace the "make check" section of RESULTS.md, keeping every other section."""
    current = (
        results_file.read_text(encoding="utf-8") if results_file.is_file() else "# Benchmarks\n"
    )
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = text + "\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + block
    results_file.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure each size and update the results file; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 100 pages")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to update")
    args = parser.parse_args(argv)
    results, repeats = [], {}
    with tempfile.TemporaryDirectory(prefix="bench-check-") as temp:
        for pages in [0, *args.sizes]:
            # Large sites take minutes per run; one run each keeps the benchmark usable.
            repeats[pages] = args.repeat if pages <= 100 else 1
            repo = make_copy(Path(temp) / f"site-{pages}")
            add_pages(repo, pages)
            print(f"make check with {pages} generated pages...", file=sys.stderr, flush=True)
            results.append(measure(repo, pages, repeats[pages]))
    text = render(results, repeats)
    print(text)
    write_section(args.results, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

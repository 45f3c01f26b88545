"""The editor's fast loop (`make check`): data validation, strict build, link check and lints.

Every problem is printed as `file:line: message`, one per mistake, sorted by file.

Usage: python scripts/check.py [--format text|github] [--only STEPS] [--skip STEPS]
                               [--site-dir DIR] [--timings]

Exit codes: 0 no problems; 1 at least one problem; 2 bad command line.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.editor_check import build, datafiles, links, tools
from scripts.editor_check.mistakes import Mistake, as_github, merge
from scripts.pages import rules

ROOT = Path(__file__).resolve().parents[1]

Step = Callable[[Path], list[Mistake]]
# Order matters twice: it is the order of the summary, and when two steps
# report the same line the earlier step's message is the one shown.
LINTS: dict[str, Step] = {
    "data": datafiles.validate,
    "pages": rules.lint_pages,
    "markdown": tools.markdown_lint,
    "yaml": tools.yaml_lint,
    "spelling": tools.spelling,
    "python": tools.python_lint,
}
STEPS = ("data", "pages", "build", "links", "markdown", "yaml", "spelling", "python")
# Editors change docs/ and data/, so their loop leaves out the Python lint;
# `make lint`, `make test` and pre-commit run it.
DEFAULT_STEPS = tuple(name for name in STEPS if name != "python")


def run_checks(
    root: Path, steps: list[str], site_dir: Path
) -> tuple[list[Mistake], dict[str, float]]:
    """Run `steps` on the repository at `root`; return merged findings and seconds per step."""
    timings: dict[str, float] = {}
    results: dict[str, list[Mistake]] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(_lint, LINTS[name], root) for name in steps if name in LINTS}
        if "data" in futures:
            results["data"], timings["data"] = futures.pop("data").result()
        # The build checks the same data and front matter first and stops at the
        # first problem, so with data problems it can add nothing but delay.
        if ("build" in steps or "links" in steps) and not results.get("data"):
            found, timings["build"] = _timed(lambda: build.build(root, site_dir)[1])
            results["build"] = found if "build" in steps else []
        for name, future in futures.items():
            results[name], timings[name] = future.result()
    # Only now, with the lints' threads ended: on a large site the link checker forks worker
    # processes, and a fork of a process with other threads can deadlock the child (Python
    # 3.12 warns of it). The lints usually end before the build, so this rarely waits.
    # Even a failed strict build writes every page, so its broken links are reported too.
    if "build" in timings and "links" in steps:
        results["links"], timings["links"] = _timed(
            lambda: links.check(root, site_dir) if (site_dir / "index.html").is_file() else []
        )
    ordered = [finding for name in STEPS for finding in results.get(name, [])]
    return merge(ordered), timings


def _timed(call: Callable[[], list[Mistake]]) -> tuple[list[Mistake], float]:
    started = time.perf_counter()
    return call(), time.perf_counter() - started


def _lint(step: Step, root: Path) -> tuple[list[Mistake], float]:
    """A lint's findings and seconds; one that stopped on input it did not expect is one
    finding, so every other step's findings are still listed (a traceback would hide them)."""
    started = time.perf_counter()
    try:
        found = step(root)
    except Exception as error:  # noqa: BLE001 - one step's failure must not hide the others'
        detail = " ".join(str(error).split())[:200]
        message = (
            f"this check stopped early ({type(error).__name__}: {detail}); the other checks "
            "ran: fix the problems listed, and report this one if it stays"
        )
        module = step.__module__
        found = [Mistake(module.replace(".", "/") + ".py", 1, message, module.rsplit(".", 1)[-1])]
    return found, time.perf_counter() - started


def chosen_steps(only: str | None, skip: str | None) -> list[str]:
    """The steps to run, in order; raises ValueError naming an unknown step."""
    wanted = _names(only) or list(DEFAULT_STEPS)
    skipped = _names(skip)
    for name in wanted + skipped:
        if name not in STEPS:
            raise ValueError(f"unknown step '{name}': choose from {', '.join(STEPS)}")
    return [name for name in STEPS if name in wanted and name not in skipped]


def _names(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


def main(argv: list[str] | None = None) -> int:
    """Run the chosen steps and print every problem; the exit status."""
    parser = argparse.ArgumentParser(
        description="Check the site as an editor changes it: every problem as file:line: message."
    )
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text (default) or github (annotations on pull requests)",
    )
    parser.add_argument(
        "--only",
        help=f"comma-separated steps to run, from: {', '.join(STEPS)} (default: all but python)",
    )
    parser.add_argument("--skip", help="comma-separated steps to leave out")
    parser.add_argument(
        "--site-dir", type=Path, help="build into this folder (default: a temp one)"
    )
    parser.add_argument("--timings", action="store_true", help="print seconds per step at the end")
    args = parser.parse_args(argv)
    try:
        steps = chosen_steps(args.only, args.skip)
    except ValueError as error:
        parser.error(str(error))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="check-site-") as temp:
        site_dir = args.site_dir.resolve() if args.site_dir else Path(temp)
        findings, timings = run_checks(ROOT, steps, site_dir)
    lines = as_github(findings) if args.format == "github" else [f.text() for f in findings]
    if lines:
        print("\n".join(lines))
    _summary(findings, steps, timings, time.perf_counter() - started, args.timings)
    return 1 if findings else 0


def _summary(
    findings: list[Mistake], steps: list[str], timings: dict[str, float], total: float, detail: bool
) -> None:
    """Closing lines on stderr, so stdout holds nothing but findings."""
    count = len(findings)
    verdict = "no problems" if not count else f"{count} problem{'s' if count != 1 else ''}"
    print(f"check: {verdict} ({', '.join(steps)}) in {total:.1f} s", file=sys.stderr)
    skipped = [name for name in ("build", "links") if name in steps and name not in timings]
    if skipped:
        names = " and ".join(skipped)
        print(f"  {names} skipped until the data problems are fixed", file=sys.stderr)
    if detail:
        for name in steps:
            if name in timings:
                print(f"  {name:<9} {timings[name]:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())

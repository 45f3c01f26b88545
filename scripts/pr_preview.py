"""Preview of a pull request: list the built pages its changed files reach, screenshot each
at desktop and phone size, and write a summary with what `make check` found.

CI (.github/workflows/pr.yml) runs it after `scripts/check.py --site-dir site`:

    python scripts/pr_preview.py --base BASE_SHA --site site --out preview \\
        --check-report check-report.txt --check-status 0 --summary "$GITHUB_STEP_SUMMARY"

By hand, after `make build`: python scripts/pr_preview.py --base origin/main --out /tmp/preview
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, missing_chromium_message
from scripts.prpreview.pages import changed_pages
from scripts.prpreview.shots import screenshots
from scripts.prpreview.summary import render

ROOT = Path(__file__).resolve().parents[1]


class PreviewError(Exception):
    """A problem the preview cannot work around, said in one line."""


def changed_files(root: Path, base: str) -> list[str]:
    """Paths the current commit changes since its merge base with `base` (deleted ones too)."""
    result = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PreviewError(
            f"git cannot compare with {base!r}: {result.stderr.strip()} "
            "(fetch the base commit, e.g. actions/checkout with fetch-depth: 0)"
        )
    return [path for path in result.stdout.split("\0") if path]


def parser() -> argparse.ArgumentParser:
    """The command line of the pull-request preview."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--base", help="the commit or branch the pull request is compared with")
    which.add_argument("--changed", nargs="+", metavar="PATH", help="the changed paths, given")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("preview"), help="screenshots folder")
    parser.add_argument("--check-report", type=Path, help="what `make check` printed")
    parser.add_argument("--check-status", type=int, help="the exit code of `make check`")
    parser.add_argument("--summary", type=Path, help="append the Markdown summary to this file")
    return parser


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Summarise (and screenshot) the pages the changed files reach; the exit status."""
    args = parser().parse_args(argv)
    try:
        changed = args.changed or changed_files(root, args.base)
        changes = changed_pages(root, changed)
        if changes.pages and not (args.site / "index.html").is_file():
            raise PreviewError(
                f"no built site in {args.site}/ (the build failed, see make check's output); "
                "no screenshots were taken"
            )
        shots = []
        if changes.pages:
            problem = missing_chromium_message()
            if problem:
                raise PreviewError(problem)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                try:
                    shots = screenshots(browser, args.site, changes.pages, args.out)
                finally:
                    browser.close()
        report = args.check_report.read_text(encoding="utf-8") if args.check_report else None
    except (PreviewError, OSError) as error:
        print(f"pr_preview: error: {error}", file=sys.stderr)
        if args.summary:
            with args.summary.open("a", encoding="utf-8") as summary:
                summary.write(f"## Preview of this pull request\n\nNo preview: {error}\n")
        return 1
    markdown = render(changes, args.site, shots, args.out, report, args.check_status)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.md").write_text(markdown, encoding="utf-8")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as summary:
            summary.write(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())

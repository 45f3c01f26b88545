"""List pages whose review is overdue or due soon, from each page's `review_due` front matter.

Usage: python scripts/review_report.py [--docs-dir docs] [--today YYYY-MM-DD]
                                       [--within 30] [--fail-on-overdue]

Exit codes: 0 report printed (or nothing overdue with --fail-on-overdue);
1 with --fail-on-overdue when a page is overdue or has no readable review_due;
2 bad command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.pages.frontmatter import read_front_matter

DATE_RE = re.compile(r"\d{4}-\d\d?-\d\d?")


@dataclass(frozen=True)
class PageReview:
    """One page's review date, or why it could not be read."""

    path: Path
    line: int
    due: dt.date | None
    problem: str = ""


def read_review(path: Path, display: Path) -> PageReview:
    """Read `review_due` from the front matter of the page at `path`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return PageReview(display, 1, None, "the file is not UTF-8: save it as UTF-8")
    front = read_front_matter(text)
    if front.body_start == 0:  # no front matter, or none that closes
        return PageReview(display, 1, None, "no front matter (a --- block with review_due)")
    if not front.readable and front.problem:
        found, expected = front.problem.found, front.problem.expected
        message = f"front matter cannot be read: found {found}, expected {expected}"
        return PageReview(display, front.problem.line or 1, None, message)
    line = front.lines.fields.get("review_due", 1)
    due = front.values.get("review_due")
    if due is None:
        return PageReview(display, line, None, "front matter has no review_due date")
    if isinstance(due, str) and DATE_RE.fullmatch(due):
        try:  # the reader keeps a date that cannot be (2027-13-45) as text
            dt.date(*map(int, due.split("-")))
        except ValueError as error:
            message = f"a date in the front matter is impossible: {error}"
            return PageReview(display, line, None, message)
    if not isinstance(due, dt.date) or isinstance(due, dt.datetime):
        return PageReview(display, line, None, f"review_due {due!r} is not a YYYY-MM-DD date")
    return PageReview(display, line, due)


def collect(docs_dir: Path, root: Path) -> list[PageReview]:
    """Every Markdown page under `docs_dir`, with paths shown relative to `root`."""
    # Snippets under includes/ are pasted into pages and carry no front matter.
    pages = sorted(p for p in docs_dir.rglob("*.md") if "includes" not in p.parts)
    return [read_review(page, _display(page, root)) for page in pages]


def _display(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def render(reviews: list[PageReview], today: dt.date, within: int) -> list[str]:
    """The report as lines of `file:line: message`, grouped overdue / due soon / unreadable."""
    soon_limit = today + dt.timedelta(days=within)
    overdue = [r for r in reviews if r.due and r.due < today]
    soon = [r for r in reviews if r.due and today <= r.due <= soon_limit]
    broken = [r for r in reviews if r.due is None]
    lines = [f"Review report for {today.isoformat()} ({len(reviews)} pages)"]
    # Both sections hold only pages with a date (r.due), which mypy cannot see in a lambda.
    lines += _section(
        "Overdue",
        overdue,
        lambda r: f"review was due {_when(r.due, today)}",  # type: ignore[arg-type]
    )
    lines += _section(
        f"Due within {within} days",
        soon,
        lambda r: f"review due {_when(r.due, today)}",  # type: ignore[arg-type]
    )
    lines += _section("No usable review date", broken, lambda r: r.problem)
    if not (overdue or soon or broken):
        lines.append(f"Nothing overdue and nothing due within {within} days.")
    return lines


def _section(title: str, rows: list[PageReview], message: Callable[[PageReview], str]) -> list[str]:
    if not rows:
        return []
    rows = sorted(rows, key=lambda r: (r.due or dt.date.min, str(r.path)))
    return ["", f"{title} ({len(rows)}):"] + [f"{r.path}:{r.line}: {message(r)}" for r in rows]


def _when(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days == 0:
        return f"{due.isoformat()} (today)"
    if days > 0:
        return f"{due.isoformat()} (in {days} day{'s' if days != 1 else ''})"
    return f"{due.isoformat()} ({-days} day{'s' if days != -1 else ''} ago)"


def build_parser() -> argparse.ArgumentParser:
    """The command line of the review report."""
    parser = argparse.ArgumentParser(description="List pages overdue or due soon for review.")
    parser.add_argument("--docs-dir", type=Path, default=Path("docs"), help="pages folder")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date to report for, YYYY-MM-DD (default: today)",
    )
    parser.add_argument("--within", type=int, default=30, help="days counted as 'due soon'")
    parser.add_argument(
        "--fail-on-overdue",
        action="store_true",
        help="exit 1 when a page is overdue or has no usable review_due (the scheduled job)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Print the review report; the exit status."""
    args = build_parser().parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    today = args.today or dt.date.today()
    reviews = collect(args.docs_dir, Path.cwd())
    print("\n".join(render(reviews, today, args.within)))
    failing = [r for r in reviews if r.due is None or r.due < today]
    return 1 if args.fail_on_overdue and failing else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`make review-report`: pages overdue for review and those due soon, from front matter."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import review_report
from tests.support.repo import REPO


def page(docs: Path, name: str, review_due: str | None, extra: str = "") -> None:
    lines = ["---", f"title: {name}", "reviewed: 2026-01-01"]
    if review_due is not None:
        lines.append(f"review_due: {review_due}")
    (docs / name).write_text("\n".join([*lines, extra, "---", "", "# Page", ""]), "utf-8")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    page(folder, "old.md", "2027-01-10")
    page(folder, "soon.md", "2027-02-05")
    page(folder, "later.md", "2027-06-01")
    return folder


def report(docs: Path, *args: str) -> tuple[int, list[str]]:
    out = subprocess.run(
        [sys.executable, "scripts/review_report.py", "--docs-dir", str(docs), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return out.returncode, out.stdout.splitlines()


def test_lists_overdue_and_due_soon_pages_with_their_line(docs: Path) -> None:
    code, lines = report(docs, "--today", "2027-01-20")
    assert code == 0
    overdue = lines.index("Overdue (1):")
    soon = lines.index("Due within 30 days (1):")
    assert lines[overdue + 1].endswith("old.md:4: review was due 2027-01-10 (10 days ago)")
    assert lines[soon + 1].endswith("soon.md:4: review due 2027-02-05 (in 16 days)")
    assert not any("later.md" in line for line in lines)


def test_fail_on_overdue_fails_only_when_a_page_is_overdue(docs: Path) -> None:
    assert report(docs, "--today", "2027-01-20", "--fail-on-overdue")[0] == 1
    assert report(docs, "--today", "2027-01-09", "--fail-on-overdue")[0] == 0
    # Without the flag (a pull request or a person at a terminal) it only reports.
    assert report(docs, "--today", "2027-01-20")[0] == 0


def test_window_boundaries() -> None:
    today = dt.date(2027, 1, 1)
    reviews = [
        review_report.PageReview(Path("a.md"), 4, dt.date(2027, 1, 31)),  # day 30: soon
        review_report.PageReview(Path("b.md"), 4, dt.date(2027, 2, 1)),  # day 31: not yet
        review_report.PageReview(Path("c.md"), 4, dt.date(2027, 1, 1)),  # today: soon
    ]
    text = review_report.render(reviews, today, 30)
    assert "a.md:4: review due 2027-01-31 (in 30 days)" in text
    assert "c.md:4: review due 2027-01-01 (today)" in text
    assert not any(line.startswith("b.md") for line in text)


def test_missing_or_bad_review_date_is_reported_and_fails_the_scheduled_run(docs: Path) -> None:
    page(docs, "undated.md", None)
    page(docs, "typo.md", "2027-13-45")
    code, lines = report(docs, "--today", "2027-01-01", "--fail-on-overdue")
    assert code == 1
    assert any(line.endswith("undated.md:1: front matter has no review_due date") for line in lines)
    assert any("typo.md:4: a date in the front matter is impossible" in line for line in lines)


def test_the_real_site_has_a_review_date_on_every_page() -> None:
    reviews = review_report.collect(REPO / "docs", REPO)
    assert reviews, "no pages found"
    assert [str(r.path) for r in reviews if r.due is None] == []


def test_a_page_that_is_not_utf8_or_nests_too_deep_is_reported_not_a_crash(docs: Path) -> None:
    (docs / "latin.md").write_bytes(b"---\ntitle: caf\xe9\nreview_due: 2027-01-01\n---\n")
    deep = "[" * 2000 + "]" * 2000
    (docs / "deep.md").write_text(f"---\nx: {deep}\nreview_due: 2027-01-01\n---\n", "utf-8")
    code, lines = report(docs, "--today", "2027-01-01", "--fail-on-overdue")
    assert code == 1
    text = "\n".join(lines)
    assert "latin.md:1: the file is not UTF-8: save it as UTF-8" in text
    assert "deep.md:2: front matter cannot be read: found lists or mappings nested" in text

"""The mistakes corpus: typical editor slips, each caught by `make check` with one message
naming the right file and line.

Each entry of mistakes.yml is a small declared change to a copy of the
repository. Mistakes that cannot hide each other (a style slip on one page, a
broken link on another) share a copy through their `group`; every other
mistake gets a copy of its own. The copies are checked in parallel once per
module (each check is a separate process); then each test reads its result.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.editors import workspace

CORPUS = Path(__file__).with_name("mistakes.yml")
MISTAKES = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
BY_ID = {m["id"]: m for m in MISTAKES}
UNCHANGED = "(unchanged)"


def copies() -> dict[str, list[dict]]:
    """Which mistakes are made in which copy: one per group, one per ungrouped mistake."""
    plan: dict[str, list[dict]] = {UNCHANGED: []}
    for mistake in MISTAKES:
        plan.setdefault(mistake.get("group") or mistake["id"], []).append(mistake)
    return plan


PLAN = copies()
COPY_OF = {m["id"]: name for name, group in PLAN.items() for m in group}


@dataclass(frozen=True)
class Outcome:
    expected: dict[str, tuple[str, int]]  # mistake id -> (file, line) the check must name
    run: workspace.CheckRun


def apply(repo: Path, mistake: dict) -> tuple[str, int]:
    """Make the declared change in `repo`; return the file and line the check must name."""
    for name, text in (mistake.get("extra_files") or {}).items():
        workspace.create(repo / name, text)
    target = repo / mistake["file"]
    if "append" in mistake:
        line = workspace.append(target, mistake["append"])
    elif "replace" in mistake:
        line = workspace.replace(target, mistake["replace"]["pattern"], mistake["replace"]["new"])
    elif "insert_after" in mistake:
        step = mistake["insert_after"]
        line = workspace.insert_after(target, step["anchor"], step["text"])
    elif "create" in mistake:
        line = workspace.create(target, mistake["create"])
    else:
        raise AssertionError(f"{mistake['id']}: no change declared")
    at = mistake.get("at") or {}
    path = at.get("file", mistake["file"])
    if "line" in at:
        line = at["line"]
    elif "line_of" in at:
        line = workspace.line_of(repo / path, at["line_of"])
    return path, line


def check_copy(root: Path, name: str, mistakes: list[dict]) -> Outcome:
    repo = workspace.make_copy(root / name.strip("()"))
    expected = {m["id"]: apply(repo, m) for m in mistakes}
    return Outcome(expected, workspace.run_check(repo))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    root = tmp_path_factory.mktemp("mistakes")
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {name: pool.submit(check_copy, root, name, ms) for name, ms in PLAN.items()}
    return {name: future.result() for name, future in futures.items()}


def test_the_corpus_is_large_and_every_entry_is_described() -> None:
    assert len(MISTAKES) >= 25
    assert len(BY_ID) == len(MISTAKES), "two mistakes share an id"
    for mistake in MISTAKES:
        assert mistake.get("mistake") and mistake.get("expect"), mistake["id"]


def test_the_unchanged_copy_passes(outcomes: dict[str, Outcome]) -> None:
    """Otherwise every mistake below would be measured against noise."""
    run = outcomes[UNCHANGED].run
    assert (run.returncode, run.stdout) == (0, ""), run.stdout + run.stderr


@pytest.mark.parametrize("name", list(BY_ID))
def test_mistake_is_caught_with_one_message_at_its_line(
    outcomes: dict[str, Outcome], name: str
) -> None:
    outcome = outcomes[COPY_OF[name]]
    report = outcome.run.stdout + outcome.run.stderr
    assert outcome.run.returncode == 1, f"make check did not fail:\n{report}"
    path, line = outcome.expected[name]
    here = [f for f in outcome.run.findings if (f[0], f[1]) == (path, line)]
    assert len(here) == 1, f"expected one message at {path}:{line}:\n{report}"
    assert BY_ID[name]["expect"] in here[0][2], report
    # Nothing else: one message per mistake made in this copy.
    assert len(outcome.run.findings) == len(outcome.expected), report

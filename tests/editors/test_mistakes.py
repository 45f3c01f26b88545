"""The mistakes corpus: typical editor slips, each caught by `make check` with one message
naming the right file and line.

Each entry of mistakes.yml is a small declared change to a copy of the
repository. The copies are checked in parallel once per test session (every
check is a separate process), then each test reads its own result.
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
IDS = [m["id"] for m in MISTAKES]
UNCHANGED = "(unchanged)"


@dataclass(frozen=True)
class Outcome:
    path: str
    line: int
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


def check_one(root: Path, mistake: dict | None) -> Outcome:
    """Check a copy with `mistake` made in it (or an untouched copy for None)."""
    repo = workspace.make_copy(root / (mistake["id"] if mistake else "unchanged"))
    path, line = apply(repo, mistake) if mistake else ("", 0)
    return Outcome(path, line, workspace.run_check(repo))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    root = tmp_path_factory.mktemp("mistakes")
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {m["id"]: pool.submit(check_one, root, m) for m in MISTAKES}
        futures[UNCHANGED] = pool.submit(check_one, root, None)
    return {name: future.result() for name, future in futures.items()}


def test_the_corpus_is_large_and_every_entry_is_described() -> None:
    assert len(MISTAKES) >= 25
    assert len(set(IDS)) == len(IDS), "two mistakes share an id"
    for mistake in MISTAKES:
        assert mistake.get("mistake") and mistake.get("expect"), mistake["id"]


def test_the_unchanged_copy_passes(outcomes: dict[str, Outcome]) -> None:
    """Otherwise every mistake below would be measured against noise."""
    run = outcomes[UNCHANGED].run
    assert (run.returncode, run.stdout) == (0, ""), run.stdout + run.stderr


@pytest.mark.parametrize("name", IDS)
def test_mistake_is_caught_with_one_message_at_its_line(
    outcomes: dict[str, Outcome], name: str
) -> None:
    mistake = next(m for m in MISTAKES if m["id"] == name)
    outcome = outcomes[name]
    report = outcome.run.stdout + outcome.run.stderr
    assert outcome.run.returncode == 1, f"make check did not fail:\n{report}"
    findings = outcome.run.findings
    assert len(findings) == 1, f"expected one message, got {len(findings)}:\n{report}"
    path, line, message = findings[0]
    assert (path, line) == (outcome.path, outcome.line), report
    assert mistake["expect"] in message, report

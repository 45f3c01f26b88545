"""The hostile corpus (hostile.yml): careless and hostile input is refused with its file
and line, or built with no live markup, quickly, and never with a traceback or a hang.

Each refused case is checked in-process against both tools' rules: `make check`'s data and
page steps (scripts/editor_check) and the checks the build runs when it starts (the data
layer's load and the front-matter check that scripts/macros.py calls). The cases marked
`tools` also run the real strict build in a copy of the repository, and one copy holding
several unreadable files runs the real `make check`. The
accepted cases are made together in one copy, built once, and searched for live markup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.data import DataError, load_site_data
from scripts.editor_check import datafiles as data_step
from scripts.pages import rules as pagelint
from scripts.pages.frontmatter import check_pages
from tests.editors import workspace
from tests.support.live_markup import live_markup_in_site
from tests.support.repo import REPO, copy_repo, mkdocs_build

T = TypeVar("T")

CORPUS = yaml.safe_load(Path(__file__).with_name("hostile.yml").read_text(encoding="utf-8"))
BY_ID = {case["id"]: case for case in CORPUS}
REFUSED = [case["id"] for case in CORPUS if case.get("outcome", "refused") == "refused"]
BUILT = [case["id"] for case in CORPUS if case.get("outcome") == "built"]
TOOLS = [case["id"] for case in CORPUS if case.get("tools")]
# Far above what any case takes (well under a second): only a hang reaches it.
HANG_SECONDS = 60


def apply(root: Path, case: dict) -> tuple[str, int]:
    """Make the case's change under `root`; return the file and line a refusal must name."""
    target = root / case["file"]
    if "replace" in case:
        line = workspace.replace(target, case["replace"]["pattern"], case["replace"]["new"])
    elif "insert_after" in case:
        step = case["insert_after"]
        line = workspace.insert_after(target, step["anchor"], step["text"])
    elif "append" in case:
        line = workspace.append(target, case["append"])
    else:
        line = workspace.create(target, case["create"])
    if "encoding" in case:
        text = target.read_text(encoding="utf-8")
        target.write_bytes(text.encode(case["encoding"]))
    at = case.get("at") or {}
    if "line" in at:
        line = at["line"]
    elif "line_of" in at:
        line = workspace.line_of(target, at["line_of"])
    return case["file"], line


def small_copy(dest: Path) -> Path:
    """data/, docs/ and mkdocs.yml: all the data and page rules read."""
    for name in ("data", "docs"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@dataclass(frozen=True)
class Refusal:
    expected: tuple[str, int]  # the file and line the change was made at
    check: list[str]  # make check's data and page findings, as file:line: message
    build: list[str]  # the build's start-up checks, as file:line, ...: message


def refuse(root: Path, name: str) -> Refusal:
    """Make case `name` in a copy under `root`, then ask each tool's rules about it (any
    exception but a refusal propagates, failing the case)."""
    case = BY_ID[name]
    copy = small_copy(root / name)
    expected = apply(copy, case)
    check = data_step.validate(copy)
    if case["file"].startswith("docs/"):
        check += pagelint.lint_pages(copy)
    try:
        data = load_site_data(copy)
        check_pages(copy / "docs", data.sources)
        build = []
    except DataError as error:
        build = [str(problem) for problem in error.problems]
    return Refusal(expected, [f.text() for f in check], build)


def within_time(function: Callable[..., T], *args: object) -> T:
    """Call `function`, failing the test (not hanging it) if it does not return in time."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(function, *args).result(timeout=HANG_SECONDS)
    except FutureTimeout:
        pytest.fail(f"no answer within {HANG_SECONDS} s: a hang")
    finally:
        pool.shutdown(wait=False)


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Future]:
    """Every refused case, checked in processes side by side (one per core)."""
    root = tmp_path_factory.mktemp("hostile")
    pool = ProcessPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
    yield {name: pool.submit(refuse, root, name) for name in REFUSED}
    pool.shutdown(wait=False, cancel_futures=True)


def test_the_corpus_is_large_and_described() -> None:
    assert len(CORPUS) >= 40 and len(BY_ID) == len(CORPUS)
    assert {case["file"].split("/")[0] for case in CORPUS} == {"data", "docs"}
    for case in CORPUS:
        assert case.get("input"), case["id"]
        assert case.get("expect") or case.get("shows"), case["id"]


@pytest.mark.parametrize("name", REFUSED)
def test_case_is_refused_with_file_and_line(refused: dict[str, Future], name: str) -> None:
    case = BY_ID[name]
    try:
        found = refused[name].result(timeout=HANG_SECONDS)
    except FutureTimeout:
        pytest.fail(f"no answer within {HANG_SECONDS} s: a hang")
    path, line = found.expected
    at_check = [f for f in found.check if f.startswith(f"{path}:{line}: ")]
    assert any(case["expect"] in f for f in at_check), "\n".join(found.check)
    at_build = [p for p in found.build if p.startswith((f"{path}:{line}: ", f"{path}:{line}, "))]
    assert any(case["expect"] in p for p in at_build), "\n".join(found.build)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every accepted case made in one copy, built strictly once."""
    repo = copy_repo(tmp_path_factory.mktemp("accepted"))
    for name in BUILT:
        apply(repo, BY_ID[name])
    site = repo / "site"
    result = within_time(mkdocs_build, repo, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_accepted_cases_build_with_no_live_markup(built_site: Path) -> None:
    assert live_markup_in_site(built_site) == {}


@pytest.mark.parametrize("name", BUILT)
def test_accepted_case_is_shown_as_written(built_site: Path, name: str) -> None:
    wanted = BY_ID[name]["shows"]
    for page in built_site.rglob("*.html"):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        texts = [tree.body.text(separator=" ")] if tree.body else []
        texts += [node.text() for node in tree.css("title")]
        texts += [node.attributes.get("content") or "" for node in tree.css("meta")]
        texts += [node.attributes.get("title") or "" for node in tree.css("abbr")]
        if any(wanted in " ".join(text.split()) for text in texts):
            return
    pytest.fail(f"{wanted!r} is shown on no page")


def _strict_build(root: Path, name: str) -> tuple[str, int, subprocess.CompletedProcess[str]]:
    repo = copy_repo(root / name)
    path, line = apply(repo, BY_ID[name])
    return path, line, mkdocs_build(repo, repo / "site")


@pytest.fixture(scope="module")
def strict_builds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("hostile-builds")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(_strict_build, root, name) for name in TOOLS}
        return {name: future.result(timeout=HANG_SECONDS * 3) for name, future in futures.items()}


@pytest.mark.parametrize("name", TOOLS)
def test_the_strict_build_refuses_it_in_one_line(strict_builds: dict, name: str) -> None:
    """The real build, for the cases that used to hang it or end it in a traceback."""
    path, line, build = strict_builds[name]
    log = build.stdout + build.stderr
    assert build.returncode == 1 and "Traceback" not in log, log[-3000:]
    expect = BY_ID[name]["expect"]
    errors = [raw for raw in log.splitlines() if raw.startswith("ERROR")]
    assert any(f"{path}:{line}" in raw and expect in raw for raw in errors), log[-3000:]


def test_make_check_lists_every_problem_when_files_cannot_be_read(tmp_path: Path) -> None:
    """Unreadable files (an alias bomb, a page in Windows-1252, front matter three hundred
    levels deep) stop nothing: each is one finding, listed with the other data files'
    problems and with an ordinary mistake in a page that reads."""
    repo = workspace.make_copy(tmp_path / "repo")
    cases = (
        "alias-bomb",
        "fact-value-infinity",
        "xref-title-svg-without-space",
        "page-in-windows-1252",
        "front-matter-deep-nesting",
    )
    expected = [apply(repo, BY_ID[name]) for name in cases]
    expected.append(("docs/glossary.md", workspace.append(repo / "docs/glossary.md", "> [!NOTE]")))
    run = within_time(workspace.run_check, repo)
    report = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in report, report
    assert sorted((f[0], f[1]) for f in run.findings) == sorted(expected), report

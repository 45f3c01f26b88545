"""CONTRIBUTING.md: its examples work as written, and its error messages are the real ones.

Each example block is marked by an HTML comment just before it:
`<!-- test: {id: new-page, create: docs/ketamine-and-ect.md} -->`. Steps that
share an id form one change. The test makes each change in a fresh copy of
the repository and runs `make check`'s driver there: a change without an
`output` step must pass; one with an `output` block must print exactly it.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.editors import workspace
from tests.support.repo import REPO

GUIDE = REPO / "CONTRIBUTING.md"
MARKER_RE = re.compile(r"^\s*<!-- test: (?P<spec>\{.*\}) -->\s*$")
FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>```+)\s*(?P<lang>[\w-]*)\s*$")
BLOCK_ACTIONS = ("create", "append", "insert_after", "insert_before", "replace_line", "shell")


@dataclass
class Example:
    """All steps of one example, in the order the guide gives them."""

    name: str
    steps: list[dict] = field(default_factory=list)
    output: list[str] | None = None
    needs: list[str] = field(default_factory=list)


def parse_guide(text: str) -> dict[str, Example]:
    """The examples of the guide, by id."""
    lines = text.splitlines()
    examples: dict[str, Example] = {}
    for index, line in enumerate(lines):
        marker = MARKER_RE.match(line)
        if not marker:
            continue
        spec = yaml.safe_load(marker["spec"])
        example = examples.setdefault(spec["id"], Example(spec["id"]))
        example.needs += spec.get("needs", [])
        wants_block = spec.get("output") or any(key in spec for key in BLOCK_ACTIONS)
        if wants_block:
            spec["block"] = _block_after(lines, index)
        if spec.get("output"):
            example.output = spec["block"].splitlines()
        else:
            example.steps.append(spec)
    return examples


def _block_after(lines: list[str], index: int) -> str:
    """The fenced block that follows the marker on line `index`."""
    start = index + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    opening = FENCE_RE.match(lines[start]) if start < len(lines) else None
    assert opening, f"CONTRIBUTING.md:{index + 1}: a test marker without a fenced block after it"
    body = []
    for line in lines[start + 1 :]:
        if line.strip() == opening["fence"]:
            return "\n".join(body) + "\n"
        body.append(line[len(opening["indent"]) :])
    raise AssertionError(f"CONTRIBUTING.md:{start + 1}: the block is never closed")


EXAMPLES = parse_guide(GUIDE.read_text(encoding="utf-8"))


def apply(repo: Path, example: Example) -> None:
    """Make every step of `example` (and of the examples it needs) in `repo`."""
    for name in example.needs:
        apply(repo, EXAMPLES[name])
    for step in example.steps:
        apply_step(repo, step)


def apply_step(repo: Path, step: dict) -> None:
    block = step.get("block", "")
    if "create" in step:
        workspace.create(repo / step["create"], block)
    elif "append" in step:
        workspace.append(repo / step["append"], block)
    elif "insert_after" in step:
        workspace.insert_after(repo / step["insert_after"], step["at"], block)
    elif "insert_before" in step:
        workspace.insert_after(repo / step["insert_before"], step["at"], block, before=True)
    elif "replace_line" in step:
        workspace.replace_line(repo / step["replace_line"], step["at"], block)
    elif "replace_all" in step:
        for name in step["replace_all"]:
            path = repo / name
            text = path.read_text(encoding="utf-8")
            assert step["old"] in text, f"{name} does not mention {step['old']}"
            path.write_text(text.replace(step["old"], step["new"]), encoding="utf-8")
    elif "shell" in step:
        for command in block.splitlines():
            _run_shell_line(repo, command)
    else:
        raise AssertionError(f"unknown step {step}")


def _run_shell_line(repo: Path, command: str) -> None:
    """The guide's shell blocks only move files; anything else needs a new step type."""
    words = command.split()
    assert words[:2] == ["git", "mv"] and len(words) == 4, f"unsupported command: {command}"
    workspace.rename(repo, words[2], words[3])


def check_example(root: Path, example: Example) -> workspace.CheckRun:
    repo = workspace.make_copy(root / example.name)
    apply(repo, example)
    return workspace.run_check(repo)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, workspace.CheckRun]:
    root = tmp_path_factory.mktemp("contributing")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(check_example, root, ex) for name, ex in EXAMPLES.items()}
    return {name: future.result() for name, future in futures.items()}


def test_the_guide_has_an_example_for_each_kind_of_change() -> None:
    changes = {"edit-page", "table-row", "source", "glossary", "new-page", "rename"}
    assert changes <= set(EXAMPLES)
    assert sum(1 for ex in EXAMPLES.values() if ex.output) >= 5, "too few error examples"


@pytest.mark.parametrize("name", sorted(n for n, ex in EXAMPLES.items() if ex.output is None))
def test_example_change_passes_make_check(runs: dict[str, workspace.CheckRun], name: str) -> None:
    run = runs[name]
    assert (run.returncode, run.stdout) == (0, ""), run.stdout + run.stderr


@pytest.mark.parametrize("name", sorted(n for n, ex in EXAMPLES.items() if ex.output))
def test_error_example_shows_what_make_check_prints(
    runs: dict[str, workspace.CheckRun], name: str
) -> None:
    run = runs[name]
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines() == EXAMPLES[name].output


def test_the_guide_links_the_data_reference() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "](data/README.md" in text
    assert (REPO / "data" / "README.md").is_file()


def test_the_readme_and_the_about_page_point_at_the_guide() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^## Contributing$", readme, re.M)
    assert "](CONTRIBUTING.md)" in readme
    about = (REPO / "docs" / "about.md").read_text(encoding="utf-8")
    # Written as one Jinja string, which Zensical's link check (run before macros) leaves alone.
    assert 'config.repo_url ~ "/blob/main/CONTRIBUTING.md' in about


def test_about_page_link_uses_the_configured_repository(built_site: Path) -> None:
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'repo_url: !ENV \[REPO_URL, "([^"]+)"\]', config)[1]
    assert f'href="{default}/blob/main/CONTRIBUTING.md"' in html

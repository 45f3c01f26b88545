"""The pre-commit hooks run the project's lints from .venv, with no network."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.editors import workspace
from tests.support.repo import REPO, project_env

CONFIG = REPO / ".pre-commit-config.yaml"


def test_every_hook_is_local_and_runs_a_tool_from_the_venv() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert {hook["language"] for hook in hooks} == {"system"}
    for hook in hooks:
        tool = hook["entry"].split()[0]
        assert tool.startswith(".venv/bin/") and (REPO / tool).exists(), hook["id"]
    names = " ".join(hook["entry"] for hook in hooks)
    for tool in ("pymarkdown", "yamllint", "codespell", "ruff", "scripts/check.py", "zizmor"):
        assert tool in names


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the project, using the project's .venv."""
    root = workspace.make_copy(tmp_path_factory.mktemp("precommit") / "repo")
    (root / ".venv").symlink_to(REPO / ".venv")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "."], cwd=root, check=True)
    return root


def pre_commit(repo: Path, *args: str, skip: str = "") -> subprocess.CompletedProcess[str]:
    env = project_env(repo, PRE_COMMIT_HOME=str(repo.parent / "home"))
    env["SKIP"] = skip
    return subprocess.run(
        [str(REPO / ".venv/bin/pre-commit"), "run", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hooks_pass_on_the_project(repo: Path) -> None:
    # The Python lint over every file is test_check_driver's job; one failure is enough.
    result = pre_commit(repo, "--all-files", skip="ruff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_stop_a_commit_with_a_mistake(repo: Path) -> None:
    page = repo / "docs" / "about.md"
    line = workspace.append(page, "Some people feel hallucenations. ")
    result = pre_commit(repo, "--files", "docs/about.md")
    assert result.returncode != 0
    assert f"docs/about.md:{line}:" in result.stdout
    assert "hallucenations ==> hallucinations" in result.stdout
    assert "MD009" in result.stdout

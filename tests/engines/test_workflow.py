"""The Zensical workflow runs `make zensical` on every pull request, in the hardened style."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from tests.support.repo import REPO

WORKFLOW = REPO / ".github" / "workflows" / "zensical.yml"


def load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def test_every_pull_request_runs_make_zensical() -> None:
    workflow = load()
    assert "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    assert any(step.get("run", "").strip() == "make zensical" for step in job["steps"])


def test_the_workflow_is_hardened() -> None:
    workflow = load()
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        assert 0 < job["timeout-minutes"] <= 30
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), "expressions go through env:, not run:"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(
        re.search(r"@[0-9a-f]{40} # v\d", line) for line in text.splitlines() if "uses:" in line
    )


def test_the_summary_step_copies_only_the_zensical_section(tmp_path: Path) -> None:
    (step,) = [
        s for s in load()["jobs"]["zensical"]["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", "")
    ]
    results = tmp_path / "bench" / "RESULTS.md"
    results.parent.mkdir()
    results.write_text("# B\n\n## Lighthouse\n\nx\n\n## Zensical\n\nsame\n\n## Link checker\n\ny\n")
    summary = tmp_path / "summary.md"
    subprocess.run(
        ["bash", "-c", step["run"]],
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert summary.read_text() == "## Zensical\n\nsame\n\n"

"""The GitHub workflows are valid, and each does the job the editors' workflow needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.repo import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema against the GitHub workflow schema it ships (no network needed)."""
    argv = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    return subprocess.run(
        [*argv, *map(str, paths)], capture_output=True, text=True, check=False, cwd=REPO
    )


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def test_every_workflow_matches_the_github_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pr.yml", "deploy.yml", "review.yml"}
    result = validate(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = load("pr.yml")
    broken["jobs"]["test"]["step"] = broken["jobs"]["test"].pop("steps")
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    result = validate(tmp_path / "broken.yml")
    assert result.returncode != 0
    assert "'step' was unexpected" in result.stdout


def test_pull_requests_run_make_test_and_annotate_findings() -> None:
    pr = load("pr.yml")
    assert "pull_request" in pr["on"]
    assert {"actions/checkout", "actions/setup-python"} <= set(uses(pr))
    setup = next(s for s in steps(pr) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    commands = runs(pr)
    assert "make test" in commands
    annotate = next(s for s in steps(pr) if "--format github" in s.get("run", ""))
    assert "scripts/check.py" in annotate["run"]
    # Annotations must appear even when a test failed before them.
    assert annotate["if"] == "${{ !cancelled() }}"
    assert "--fail-on-overdue" not in commands, "a pull request never fails on review dates"


def test_main_is_built_and_published_to_pages() -> None:
    deploy = load("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(deploy))
    build = next(s for s in steps(deploy) if s.get("run") == "make build")
    assert {"SITE_URL", "REPO_URL"} <= set(build["env"])
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"


def test_the_weekly_job_fails_on_overdue_reviews_only_when_scheduled() -> None:
    review = load("review.yml")
    assert review["on"]["schedule"][0]["cron"]
    commands = runs(review)
    assert 'if [ "${{ github.event_name }}" = "schedule" ]' in commands
    assert "make review-report REVIEW_FLAGS=--fail-on-overdue" in commands
    assert "scripts/check_links.py site --docs docs --rules data/xrefs.yml" in commands
    assert "--external --format github" in commands


@pytest.mark.parametrize("event, fails", [("schedule", True), ("workflow_dispatch", False)])
def test_the_review_step_shell_logic(tmp_path: Path, event: str, fails: bool) -> None:
    """Run the review step's own shell script with a stand-in `make` that records its call."""
    step = next(s for s in steps(load("review.yml")) if "review-report" in s.get("run", ""))
    script = step["run"].replace("${{ github.event_name }}", event)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "make").write_text('#!/bin/sh\necho "$@" > "$CALLS"\n', encoding="utf-8")
    (bin_dir / "make").chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "CALLS": str(tmp_path / "calls")}
    subprocess.run(["bash", "-e", "-c", script], env=env, check=True)
    called = (tmp_path / "calls").read_text(encoding="utf-8")
    assert ("--fail-on-overdue" in called) is fails


def test_the_pull_request_template_has_the_editors_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 4
    joined = " ".join(boxes).lower()
    for topic in ("data/sources.yml", "review_due", "make serve", "make check"):
        assert topic in joined, f"checklist does not mention {topic}"
    # The about page promises that every change declares its conflicts of interest.
    assert "\nConflicts of interest:" in text

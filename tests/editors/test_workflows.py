"""The GitHub workflows are valid, and each does the job the editors' workflow needs."""

from __future__ import annotations

import re
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
    # Only the job that publishes may write to Pages; the build job runs the repository's code.
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}


def test_the_weekly_job_fails_on_overdue_reviews_only_when_scheduled() -> None:
    review = load("review.yml")
    assert review["on"]["schedule"][0]["cron"]
    commands = runs(review)
    assert 'if [ "$EVENT_NAME" = "schedule" ]' in commands
    assert "make review-report REVIEW_FLAGS=--fail-on-overdue" in commands
    assert "scripts/check_links.py site --docs docs --rules data/xrefs.yml" in commands
    assert "--external --format github" in commands


@pytest.mark.parametrize("event, fails", [("schedule", True), ("workflow_dispatch", False)])
def test_the_review_step_shell_logic(tmp_path: Path, event: str, fails: bool) -> None:
    """Run the review step's own shell script with a stand-in `make` that records its call."""
    step = next(s for s in steps(load("review.yml")) if "review-report" in s.get("run", ""))
    assert step["env"]["EVENT_NAME"] == "${{ github.event_name }}"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "make").write_text('#!/bin/sh\necho "$@" > "$CALLS"\n', encoding="utf-8")
    (bin_dir / "make").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "CALLS": str(tmp_path / "calls"),
        "EVENT_NAME": event,
    }
    subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=True)
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


# --- What a security review of .github/ checks -------------------------------------------

GITHUB = REPO / ".github"
TOOLS = Path(sys.executable).parent  # zizmor and shellcheck come with the dev tools in .venv
# owner/repo[/path]@<40 hex> # v1.2.3 : a full commit SHA, and the release it is, for a reader.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+){0,2}$")


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def jobs() -> list[tuple[str, str, dict]]:
    """(workflow file, job id, job) for every job of every workflow."""
    return [
        (f.name, name, job) for f in workflow_files() for name, job in load(f.name)["jobs"].items()
    ]


def unpinned_uses(text: str) -> list[str]:
    """Every `uses:` line of a YAML text that is not pinned to a full SHA with its version."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", line)
        if match and not PINNED.match(match.group(1)):
            found.append(f"line {number}: {match.group(1)}")
    return found


def test_the_pin_rule_tells_a_tag_from_a_sha() -> None:
    sha = "3d3c42e5aac5ba805825da76410c181273ba90b1"
    assert unpinned_uses(f"      - uses: actions/checkout@{sha} # v7.0.1") == []
    assert unpinned_uses(f"  uses: actions/deploy-pages@{sha} # v5") == []
    for bad in (
        "actions/checkout@v7",
        f"actions/checkout@{sha}",
        f"actions/checkout@{sha[:12]} # v7",
        "actions/checkout@main # v7",
        "docker://alpine:3",
    ):
        assert unpinned_uses(f"      - uses: {bad}") == [f"line 1: {bad}"]


def test_every_action_is_pinned_to_a_full_sha_with_its_version() -> None:
    files = sorted(GITHUB.rglob("*.yml")) + sorted(GITHUB.rglob("*.yaml"))
    assert len(files) >= 5
    problems = {f.name: unpinned_uses(f.read_text(encoding="utf-8")) for f in files}
    assert not {name: found for name, found in problems.items() if found}
    # The same action is pinned to the same release everywhere.
    pins: dict[str, set[str]] = {}
    for step in (s for f in workflow_files() for s in steps(load(f.name)) if "uses" in s):
        action, ref = step["uses"].split("@")
        pins.setdefault(action, set()).add(ref)
    assert {action: refs for action, refs in pins.items() if len(refs) > 1} == {}


def test_permissions_are_empty_at_the_top_and_least_per_job() -> None:
    for f in workflow_files():
        assert load(f.name)["permissions"] == {}, (
            f"{f.name}: the top level must say permissions: {{}}"
        )
    for file, name, job in jobs():
        assert "permissions" in job, f"{file}: job {name} names no permissions"
        assert "timeout-minutes" in job, f"{file}: job {name} has no timeout-minutes"
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        allowed = {
            ("deploy.yml", "deploy"): {"pages", "id-token"},
            ("lock.yml", "commit"): {"contents"},
        }.get((file, name), set())
        assert writes <= allowed, f"{file}: job {name} may not write {writes - allowed}"


def test_no_checkout_keeps_its_credentials_and_no_script_expands_an_expression() -> None:
    for f in workflow_files():
        for step in steps(load(f.name)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f.name
            # Values reach a shell through env:, never pasted into the script text.
            assert "${{" not in step.get("run", ""), f"{f.name}: {step.get('name', step['run'])}"
        on = load(f.name)["on"]
        assert "pull_request_target" not in on and "workflow_run" not in on, f.name


def test_pip_is_cached_on_the_lock_file() -> None:
    setups = [
        (f.name, step)
        for f in workflow_files()
        for step in steps(load(f.name))
        if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert len(setups) >= 6
    for name, step in setups:
        assert step["with"]["cache"] == "pip", name
        assert "requirements.lock" in step["with"]["cache-dependency-path"].split(), name


def test_a_new_push_cancels_the_superseded_pull_request_run() -> None:
    concurrency = load("pr.yml")["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in concurrency["group"]
    # A deploy is never cancelled halfway.
    assert load("deploy.yml")["concurrency"]["cancel-in-progress"] is False


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    """zizmor offline (no GitHub API), with the strictest persona, so code smells count too."""
    argv = [str(TOOLS / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress"]
    return subprocess.run(
        [*argv, *map(str, paths)], capture_output=True, text=True, check=False, cwd=REPO
    )


def test_zizmor_reports_nothing_on_the_workflows_and_dependabot() -> None:
    result = zizmor(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_catches_what_it_is_here_for(tmp_path: Path) -> None:
    careless = load("review.yml")
    careless["permissions"] = "write-all"
    step = careless["jobs"]["review-dates"]["steps"][0]
    step["uses"] = "actions/checkout@v4"
    del step["with"]
    careless["jobs"]["review-dates"]["steps"].append({"run": 'echo "${{ github.head_ref }}"'})
    (tmp_path / "careless.yml").write_text(yaml.safe_dump({"on": careless.pop("on"), **careless}))
    result = zizmor(tmp_path / "careless.yml")
    assert result.returncode != 0
    for audit in ("unpinned-uses", "excessive-permissions", "artipacked", "template-injection"):
        assert audit in result.stdout, result.stdout


def test_dependabot_config_matches_its_schema_and_covers_actions_and_pip() -> None:
    config = GITHUB / "dependabot.yml"
    argv = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot"]
    result = subprocess.run([*argv, str(config)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    updates = yaml.safe_load(config.read_text(encoding="utf-8"))["updates"]
    by_place = {(u["package-ecosystem"], u["directory"]): u for u in updates}
    assert {("github-actions", "/"), ("pip", "/"), ("pip", "/.github/tools")} <= set(by_place)
    assert all(u.get("groups") for u in updates), "every update is grouped"
    ignored = {i["dependency-name"]: i["versions"] for i in by_place[("pip", "/")]["ignore"]}
    assert ignored["mkdocs"] == [">=2"], "MkDocs 2 runs none of the site's plugins"


def test_every_run_script_passes_shellcheck(tmp_path: Path) -> None:
    """actionlint's script check, run here offline: GitHub runs each script with bash -e."""
    scripts = []
    for f in workflow_files():
        for index, step in enumerate(steps(load(f.name))):
            if "run" in step:
                script = tmp_path / f"{f.stem}-{index}.sh"
                script.write_text(step["run"], encoding="utf-8")
                scripts.append(script)
    assert len(scripts) >= 10
    result = subprocess.run(
        [str(TOOLS / "shellcheck"), "--shell=bash", *map(str, scripts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.sh"
    broken.write_text('cp $1 "$GITHUB_STEP_SUMMARY"\n', encoding="utf-8")
    checked = subprocess.run(
        [str(TOOLS / "shellcheck"), "--shell=bash", str(broken)], capture_output=True, text=True
    )
    assert "SC2086" in checked.stdout, "shellcheck must flag an unquoted variable"


# --- Dependencies: the lock is recompiled by one command, and audited -----------------------


def make_dry_run(target: str) -> list[str]:
    """The commands `make TARGET` would run, without running them."""
    result = subprocess.run(
        ["make", "--always-make", "--dry-run", target], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_make_lock_runs_the_compile_command_the_readme_shows() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`(uv pip compile pyproject\.toml[^`]*)`", readme)
    assert shown, "README.md shows the lock's compile command"
    commands = " ".join(make_dry_run("lock")).replace("\\ ", "").split(".venv-tools/bin/")
    assert shown.group(1).split() in [command.split() for command in commands]
    pinned = (REPO / ".github" / "tools" / "requirements.in").read_text(encoding="utf-8")
    assert re.search(r"^uv==\d+\.\d+\.\d+$", pinned, re.MULTILINE), "uv is pinned"


def test_make_audit_fails_on_a_vulnerability_or_a_package_it_could_not_look_up() -> None:
    audits = [line for line in make_dry_run("audit") if "/pip-audit " in line]
    assert audits and all("--strict" in line and "--require-hashes" in line for line in audits)
    assert any("requirements.lock" in line.split() for line in audits)
    assert "make audit" in runs(load("review.yml"))


def test_dependabot_pull_requests_get_their_lock_recompiled() -> None:
    lock = load("lock.yml")
    assert set(lock["on"]) == {"pull_request"}
    recompile, commit = lock["jobs"]["recompile"], lock["jobs"]["commit"]
    assert "dependabot[bot]" in recompile["if"]
    assert "make lock" in "\n".join(s.get("run", "") for s in recompile["steps"])
    assert "make test" in "\n".join(s.get("run", "") for s in recompile["steps"])
    # The job that can push runs no code from the updated packages.
    pushing = "\n".join(s.get("run", "") for s in commit["steps"])
    assert "git push" in pushing
    assert not re.search(r"^\s*(make|\.venv/|python)", pushing, re.MULTILINE)
    assert recompile["permissions"] == {"contents": "read"}

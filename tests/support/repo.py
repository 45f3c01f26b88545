"""Helpers that build the site, or a changed copy of the repository, as a reader or CI would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# What a build needs; everything else (the venv, site/, .git) stays behind.
BUILD_INPUTS = ("docs", "data", "overrides", "scripts", "mkdocs.yml")


def copy_repo(dest: Path, extra: tuple[str, ...] = ()) -> Path:
    """Copy the build inputs (and any `extra` top-level paths) into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS + extra:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    return dest


def project_env(repo: Path, **extra: str) -> dict[str, str]:
    """The environment to run the project's commands in a copy with: its own `scripts`
    package first on the path (the venv's .pth names the original checkout)."""
    return (
        dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(repo))
        | extra
    )


def mkdocs_build(repo: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a strict `mkdocs build` of `repo` into `site_dir`, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=repo,
        env=project_env(repo),
        capture_output=True,
        text=True,
        check=False,
    )

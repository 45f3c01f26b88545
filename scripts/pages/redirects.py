"""Old addresses keep working: a page published before and now gone needs a redirect, and
no page may take a name that redirect_maps already forwards (the redirect would hide it)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.config import CONFIG_FILE as CONFIG
from scripts.config import config_line, config_or_empty, redirect_maps
from scripts.editor_check.mistakes import Mistake

BASES = ("origin/main", "main")


def redirect_problems(root: Path) -> list[Mistake]:
    """Both redirect rules for the repository at `root`."""
    maps = redirect_maps(config_or_empty(root))
    return _hidden_pages(root, maps) + _gone_without_redirect(root, maps)


def _hidden_pages(root: Path, maps: dict[str, str]) -> list[Mistake]:
    found = []
    for old in sorted(maps):
        if (root / "docs" / old).is_file():
            line = config_line(root, f"{old}:") or 1
            message = (
                f"this name is an old address in redirect_maps ({CONFIG}:{line}); the "
                "redirect would hide the page: give the page another name"
            )
            found.append(Mistake(f"docs/{old}", 1, message, "pages"))
    return found


def _gone_without_redirect(root: Path, maps: dict[str, str]) -> list[Mistake]:
    """Pages of the git base that are deleted or renamed in the working tree (committed or
    not) and have no redirect. Without git, or without a base branch, there is nothing to
    compare with, so the rule does not apply."""
    base = _git_base(root)
    if base is None:
        return []
    listing = _git(root, "diff", "--name-status", "-M", "--diff-filter=DR", base, "--", "docs")
    line = config_line(root, "redirect_maps:") or 1
    found = []
    for row in (listing or "").splitlines():
        status, *paths = row.split("\t")
        old = paths[0].removeprefix("docs/")
        if not old.endswith(".md") or old in maps or (root / paths[0]).exists():
            continue
        new = paths[1].removeprefix("docs/") if status.startswith("R") else "<new page>.md"
        message = (
            f"page {old} was published but has no redirect: add '{old}: {new}' under redirect_maps"
        )
        found.append(Mistake(CONFIG, line, message, "pages"))
    return found


def _git_base(root: Path) -> str | None:
    """The commit this work started from: where HEAD meets origin/main, else main."""
    top = _git(root, "rev-parse", "--show-toplevel")
    # A copy inside some other repository is not that repository's tree.
    if top is None or Path(top.strip()).resolve() != root.resolve():
        return None
    for branch in BASES:
        base = _git(root, "merge-base", "HEAD", branch)
        if base:
            return base.strip()
    return None


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None

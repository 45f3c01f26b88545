"""A changed copy of the repository, and `make check`'s driver run inside it.

Shared by the mistakes corpus and the CONTRIBUTING.md examples: both make a
small declared change to a copy, then read what the editor would be told.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support.repo import REPO, copy_repo, project_env

# Besides the build inputs, the check needs the lint configurations.
CHECK_INPUTS = (
    "pyproject.toml",
    ".pymarkdown.json",
    ".yamllint.yml",
    ".codespellrc",
    ".codespell-words.txt",
    ".codespell-medical.txt",
    ".pre-commit-config.yaml",
    ".github",
    "README.md",
    "CONTRIBUTING.md",
)
FINDING_RE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?P<message>.+)$")


@dataclass(frozen=True)
class CheckRun:
    """What `make check` printed: its findings (stdout) and its exit status."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def findings(self) -> list[tuple[str, int, str]]:
        found = []
        for line in self.stdout.splitlines():
            match = FINDING_RE.match(line)
            assert match, f"not a file:line: message line: {line!r}"
            found.append((match["path"], int(match["line"]), match["message"]))
        return found


def make_copy(dest: Path) -> Path:
    """A copy of the repository with everything `make check` reads."""
    return copy_repo(dest, extra=tuple(name for name in CHECK_INPUTS if (REPO / name).exists()))


def run_check(repo: Path) -> CheckRun:
    """Run the copy's own scripts/check.py, as `make check` does, inside the copy."""
    env = project_env(repo)
    result = subprocess.run(
        [sys.executable, "scripts/check.py"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return CheckRun(result.returncode, result.stdout, result.stderr)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of `path` where `text` starts (it may span lines)."""
    content = path.read_text(encoding="utf-8")
    index = content.find(text)
    assert index >= 0, f"{path.name} does not contain {text!r}"
    return content.count("\n", 0, index) + 1


def append(path: Path, text: str) -> int:
    """Add `text` as a new paragraph at the end of `path`; return its first line."""
    content = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{content}\n\n{text.rstrip(chr(10))}\n", encoding="utf-8")
    return content.count("\n") + 3


def replace(path: Path, pattern: str, new: str) -> int:
    """Replace the first match of `pattern` (\\1 in `new` is its first group); return its line."""
    content = path.read_text(encoding="utf-8")
    match = re.search(pattern, content, re.M)
    assert match, f"{path.name}: nothing matches {pattern!r}"
    replaced = match.expand(new)
    path.write_text(content[: match.start()] + replaced + content[match.end() :], "utf-8")
    return content.count("\n", 0, match.start()) + 1


def insert_after(path: Path, anchor: str, text: str, before: bool = False) -> int:
    """Insert `text` as new lines after (or `before`) the first line containing `anchor`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = _line_index(lines, anchor, path)
    at = index if before else index + 1
    lines[at:at] = [row + "\n" for row in text.rstrip("\n").split("\n")]
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def replace_line(path: Path, anchor: str, text: str) -> int:
    """Replace the first line containing `anchor` with `text`; return its line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = _line_index(lines, anchor, path)
    lines[index : index + 1] = [row + "\n" for row in text.rstrip("\n").split("\n")]
    path.write_text("".join(lines), encoding="utf-8")
    return index + 1


def _line_index(lines: list[str], anchor: str, path: Path) -> int:
    for index, line in enumerate(lines):
        if anchor in line:
            return index
    raise AssertionError(f"{path.name}: no line contains {anchor!r}")


def create(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return 1


def rename(repo: Path, old: str, new: str) -> None:
    shutil.move(repo / old, repo / new)

"""The project's code imports from the virtual environment; no module edits sys.path."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.support.repo import REPO

PATH_EDIT_RE = re.compile(r"\bsys\.path\.(?:insert|append|extend)\(|\bsys\.path\s*[+]?=")


def test_no_module_edits_sys_path() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in ("scripts", "bench", "tests")
        for path in sorted((REPO / folder).rglob("*.py"))
        if ".venv" not in path.parts and path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PATH_EDIT_RE.search(line)
    ]
    assert not offenders, (
        f"sys.path edited at {offenders}: the venv's .pth makes scripts importable"
    )


def test_scripts_package_imports_from_any_folder(tmp_path: Path) -> None:
    """mkdocs-macros and MkDocs hooks load files by path, from wherever the build runs."""
    result = subprocess.run(
        [sys.executable, "-c", "import scripts.macros, scripts.preflight, scripts.check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

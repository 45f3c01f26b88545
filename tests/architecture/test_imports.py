"""The project's code imports from the virtual environment; no module edits sys.path."""

from __future__ import annotations

import ast
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


# Which rooms each room may import (scripts/README.md explains why each arrow exists).
ALLOWED: dict[str, set[str]] = {
    "data": {"data", "names", "linkcheck"},
    "pages": {"pages", "data", "config", "names", "render", "editor_check", "linkcheck"},
    "config": {"config", "data"},
    "render": {"render", "data"},
    "linkcheck": {"linkcheck"},
    "output": {"output", "data", "render"},
    "prpreview": {"prpreview", "data", "config", "pages", "render", "chromium"},
}
# Names inside a room that another room may reach, where the room as a whole is out of bounds.
NARROW = {
    ("data", "linkcheck"): "scripts.linkcheck.urls",
    ("pages", "linkcheck"): "scripts.linkcheck.urls",
    ("pages", "editor_check"): "scripts.editor_check.mistakes",
}


def _project_imports(path: Path) -> set[str]:
    """The `scripts.*` modules a file imports (relative imports stay inside its room)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("scripts.")}


def test_each_room_imports_only_what_its_arrows_allow() -> None:
    wrong = []
    for room, allowed in ALLOWED.items():
        for path in sorted((REPO / "scripts" / room).rglob("*.py")):
            for module in _project_imports(path):
                target = module.split(".")[1]
                narrow = NARROW.get((room, target))
                ok = target in allowed and (not narrow or module.startswith(narrow))
                if not ok:
                    wrong.append(f"{path.relative_to(REPO)} imports {module}")
    assert not wrong, "imports against the arrows of scripts/README.md:\n" + "\n".join(wrong)


def test_renderers_and_data_layer_never_import_the_engine() -> None:
    """Both engines must run them: MkDocs is reached only at the edges."""
    for room in ("data", "render", "pages", "config"):
        for path in sorted((REPO / "scripts" / room).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from|import) mkdocs\b", source, re.M), path

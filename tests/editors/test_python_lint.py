"""`make lint`'s python step: ruff, mypy (strict) and vulture, each finding as file:line."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from scripts.editor_check.tools import python_lint
from tests.support.repo import REPO

TYPED_WRONG = '''"""A module whose one function is typed wrong and another nothing calls."""


def half(value: int) -> int:
    """Half of `value`."""
    return value / 2


def never_called() -> None:
    """Nothing calls this."""
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the repository's lint settings and one faulty module."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(REPO / ".vulture-allow.py", tmp_path / ".vulture-allow.py")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "__init__.py").write_text('"""Scripts."""\n', encoding="utf-8")
    (tmp_path / "scripts" / "faulty.py").write_text(TYPED_WRONG, encoding="utf-8")
    return tmp_path


def test_mypy_and_vulture_findings_point_at_their_lines(project: Path) -> None:
    found = {(m.path, m.line): m.message for m in python_lint(project)}
    assert found[("scripts/faulty.py", 6)].startswith("mypy: Incompatible return value type")
    assert found[("scripts/faulty.py", 9)].startswith("vulture: unused function 'never_called'")


def test_warnings_fail_the_tests() -> None:
    """pyproject.toml's filterwarnings = error: a warning raised in a test is an error."""
    with pytest.raises(DeprecationWarning):
        warnings.warn("a deprecated call", DeprecationWarning, stacklevel=1)

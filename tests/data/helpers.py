"""Small helpers for tests that change a copy of the real data."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.repo import REPO


def data_copy(dest: Path) -> Path:
    """A project folder holding a copy of data/ only (enough for load_site_data)."""
    shutil.copytree(REPO / "data", dest / "data")
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in `path` with `new`; fail loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

"""Fixtures shared by the whole suite: one strict build of the real site per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.repo import REPO, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("built-site")
    result = mkdocs_build(REPO, site)
    if result.returncode != 0:
        pytest.fail(f"strict build of the site failed:\n{result.stdout}\n{result.stderr}")
    return site

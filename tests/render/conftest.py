"""The real data, loaded once for the render tests."""

from __future__ import annotations

import pytest

from scripts.data import SiteData, load_site_data
from tests.support.repo import REPO


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    return load_site_data(REPO)

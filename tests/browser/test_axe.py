"""The axe-core the page tests inject knows WCAG 2.2: an older one would pass pages silently."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.checks import WCAG_TAGS
from tests.browser.visit import Guard

pytestmark = pytest.mark.browser


def test_bundled_axe_core_is_recent() -> None:
    version = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", AXE_SCRIPT[:200])
    assert version, "cannot read axe-core's version from axe-playwright-python's axe.min.js"
    assert tuple(map(int, version.groups())) >= (4, 12, 0), f"axe-core {version.group(0)} is old"


def test_axe_has_rules_for_every_wcag_tag(guards: dict[str, Guard]) -> None:
    with guards["light"].visit("/", "home page") as visit:
        visit.page.evaluate(AXE_SCRIPT)
        counts = visit.page.evaluate("tags => tags.map(t => axe.getRules([t]).length)", WCAG_TAGS)
    assert all(counts), f"axe has no rule for some of {WCAG_TAGS}: {counts}"

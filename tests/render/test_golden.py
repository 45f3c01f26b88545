"""Golden files pin the HTML of every table, chart and box, so any change to them is reviewed.

The goldens are rendered from the real data for a page at the site root
(benefits.md). After a deliberate change to the data or a renderer,
regenerate them and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from scripts.data import SiteData
from scripts.render.api import CHARTS, SiteMacros
from scripts.render.specs import TABLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES = (
    [(f"table-{name}", "table", (name,)) for name in sorted(TABLES)]
    + [(f"chart-{name}", "chart", (name, False)) for name in sorted(CHARTS)]
    + [
        ("crisis_help", "crisis_help", ()),
        ("care_cards-bladder", "care_cards", ("bladder",)),
        ("care_cards-breathing", "care_cards", ("breathing",)),
        ("care_cards-after-session", "care_cards", ("after-session", 4)),
        ("licence_status", "licence_status", ()),
        ("questions_checklist", "questions_checklist", ()),
        ("sources_list", "sources_list", ()),
        ("glossary", "glossary", ()),
    ]
)


def readable(html: str) -> str:
    """One tag per line, so a golden diff shows what changed."""
    return re.sub(r"><", ">\n<", html).strip() + "\n"


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden {path.name}: run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed (see module docstring)"


@pytest.mark.parametrize(("name", "macro", "args"), CASES, ids=[c[0] for c in CASES])
def test_rendered_html_matches_golden(
    site_data: SiteData, name: str, macro: str, args: tuple
) -> None:
    macros = SiteMacros(site_data, lambda: "benefits.md")
    check(f"{name}.html", readable(getattr(macros, macro)(*args)))


def test_inline_figures_match_golden(site_data: SiteData) -> None:
    macros = SiteMacros(site_data, lambda: "benefits.md")
    lines = [f"{name}: {macros.fact(name)}" for name in sorted(site_data.facts)]
    lines += [
        f"xref dosage: {macros.xref('dosage')}",
        f"cite fava-2018: {macros.cite('fava-2018')}",
    ]
    check("facts.md", "\n".join(lines) + "\n")

"""Changing a figure in one YAML file changes it on every page, table and chart that shows it.

One changed copy of the site is built; the original comes from the session's
`built_site`. Each figure is followed to every page that showed it before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.render.charts import PLOT_WIDTH
from tests.data.helpers import edit
from tests.support.repo import copy_repo, mkdocs_build

EUPHORIA = "Euphoria (feeling very happy)"
# Validation refuses markup such as <script> (test_validation.py); characters HTML
# gives a meaning to must still reach readers as text.
INJECTED = "Mild hallucinations (<1 in 10 & brief)"


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("changed")
    repo = copy_repo(base / "repo")
    edit(repo / "data/effects.yml", "percent: 30", "percent: 37")
    edit(repo / "data/effects.yml", "effect: Mild hallucinations", f'effect: "{INJECTED}"')
    edit(repo / "data/conditions.yml", "success_rate: 50", "success_rate: 25")
    edit(repo / "data/methods.yml", "{min: 45, max: 60}", "{min: 50, max: 75}")
    result = mkdocs_build(repo, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"


def pages(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("index.html"))
        if "assets" not in p.parts
    }


def showing(site: Path, text: str) -> set[str]:
    return {name for name, html in pages(site).items() if text in html}


def test_effect_figure_changes_in_every_table_and_chart(
    built_site: Path, changed_site: Path
) -> None:
    before = showing(built_site, EUPHORIA)
    assert before, "some page shows the immediate effects"
    for name in before:
        tree = HTMLParser((changed_site / name).read_text(encoding="utf-8"))
        for row in tree.css("div.kt-table tbody tr"):
            if row.css_first("th").text() == EUPHORIA:
                assert row.css_first("td").text().startswith("37%"), name
        for svg in tree.css("svg.kt-chart__svg"):
            if "kt-chart-immediate_effects-title" in svg.attributes["aria-labelledby"]:
                assert f"{EUPHORIA}: 37%" in svg.css_first("desc").text()
                assert "37%" in [t.text() for t in svg.css("text.kt-chart__value")]
                widths = [float(r.attributes["width"]) for r in svg.css("rect")]
                assert widths[0] == pytest.approx(0.37 * PLOT_WIDTH, abs=0.1)
        assert f"{EUPHORIA}: 30%" not in tree.html


def test_trd_rate_changes_in_prose_and_table(built_site: Path, changed_site: Path) -> None:
    before = showing(built_site, "about 50%")
    assert before, "some page states the TRD response rate inline"
    for name in before:
        html = (changed_site / name).read_text(encoding="utf-8")
        assert "about 25%" in html and "about 50%" not in html, name
    for name in showing(built_site, "kt-table-conditions"):
        tree = HTMLParser((changed_site / name).read_text(encoding="utf-8"))
        first = tree.css_first("#kt-table-conditions").parent.css_first("tbody td")
        assert first.text().startswith("25%"), name


def test_session_length_changes_in_prose_table_and_chart(
    built_site: Path, changed_site: Path
) -> None:
    before = showing(built_site, "45 to 60 minutes") | showing(built_site, "45–60 min")
    assert before
    for name in before:
        html = (changed_site / name).read_text(encoding="utf-8")
        assert "45 to 60 minutes" not in html and "45–60 min" not in html, name
        assert "50 to 75 minutes" in html or "50–75 min" in html, name


def test_html_in_a_value_shows_as_text(changed_site: Path) -> None:
    shown = showing(changed_site, "Mild hallucinations (&lt;1 in 10 &amp; brief)")
    assert shown, "the escaped text should appear"
    for name in shown:
        tree = HTMLParser((changed_site / name).read_text(encoding="utf-8"))
        assert INJECTED in [th.text() for th in tree.css("div.kt-table tbody th")]

"""The real data loads, holds the article's figures, and cites only allowed addresses."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from scripts.data import load_site_data
from scripts.data.checks import AUTHORITATIVE_HOSTS
from scripts.data.datasets import DATASETS
from scripts.data.figures import Figure
from scripts.data.loader import SiteData
from tests.data.helpers import data_copy, edit
from tests.support.repo import REPO

# The rule lives in validation (make check reports it); this test keeps the real data to it.


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(REPO)


def _by_id(rows: Iterable[Any]) -> dict[str, Any]:
    return {row.id: row for row in rows}


def test_every_table_holds_the_article_rows(data: SiteData) -> None:
    effects = {row.id: row.percent for row in data.tables["immediate_effects"]}
    assert effects == {"euphoria": 30, "hallucinations": 20, "heart_rate": 25, "blood_pressure": 15}
    spans = {r.id: (r.session_minutes.min, r.session_minutes.max) for r in data.tables["methods"]}
    assert spans == {"iv": (45, 60), "nasal": (20, 40), "im": (30, 45)}
    rates = {row.id: row.success_rate for row in data.tables["conditions"]}
    assert rates == {"trd": 50, "ptsd": "variable", "anxiety": "variable", "ocd": "variable"}
    onset = {row.id: (row.onset.start, row.onset.end) for row in data.tables["comparison"]}
    assert onset == {"ketamine": ("hours", "hours"), "antidepressants": ("weeks", "months")}
    stages = [row.stage for row in data.tables["monitoring"]]
    assert stages == ["before", "during", "during", "after"]
    assert len(data.tables["candidacy"]) == 4
    assert _by_id(data.tables["risks"])["mood_dips"].percent == 10


def test_effect_percentages_are_marked_unconfirmed(data: SiteData) -> None:
    for row in data.tables["immediate_effects"]:
        assert row.source is None and row.source_note, row.id


def test_every_url_is_an_authoritative_address(data: SiteData) -> None:
    for source in data.sources.values():
        if source.url is None:
            continue
        host = urlparse(source.url).hostname or ""
        assert any(host == h or host.endswith("." + h) for h in AUTHORITATIVE_HOSTS), source.id


def test_facts_the_pages_need_are_there(data: SiteData) -> None:
    expected = {
        "trd_response": Figure(
            value=50, unit="%", qualifier="about", kind="rate", source="oxford-health-ketamine"
        ),
        "iv_dose": Figure(value=0.5, unit="mg/kg", source="fava-2018"),
        "iv_dose_range": Figure(low=0.1, high=0.75, unit="mg/kg", source="andrade-2017"),
        "response_24h": Figure(value=52, unit="%", qualifier="about", source="han-2016"),
        "rems_phone": Figure(text="1-855-382-6022", tel="+18553826022", source="spravato-rems"),
        "dissociation_esketamine": Figure(
            low=61, high=84, unit="%", source="spravato-prescribing-information"
        ),
    }
    for name, figure in expected.items():
        assert data.facts[name] == figure, name


def test_a_fact_taken_from_a_row_follows_the_row(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    edit(
        project / "data/methods.yml",
        "session_minutes: {min: 45, max: 60}",
        "session_minutes: {min: 50, max: 70}",
    )
    edit(project / "data/conditions.yml", "success_rate: 50", "success_rate: 25")
    data = load_site_data(project)
    assert (data.facts["iv_session_length"].low, data.facts["iv_session_length"].high) == (50, 70)
    assert data.facts["trd_response"].value == 25
    assert data.facts["mood_dip_share"].source_note  # borrowed with the row's note


def test_every_row_has_a_stable_unique_id(data: SiteData) -> None:
    for key, rows in data.tables.items():
        ids = [row.id for row in rows]
        assert len(ids) == len(set(ids)) and all(ids), key


def test_every_data_file_has_one_top_level_key() -> None:
    listed = {d.file for d in DATASETS}
    assert listed == {p.name for p in (REPO / "data").glob("*.yml")}


def test_glossary_writes_tooltips_for_abbreviations(data: SiteData) -> None:
    terms = {row.term for row in data.glossary if row.tooltip}
    assert {"NMDA", "TRD", "PTSD", "OCD", "IV", "IM", "REMS"} <= terms


def test_crisis_lines_come_from_the_fact_sheet(data: SiteData) -> None:
    numbers = {line.number for line in data.crisis_lines if line.number}
    assert {"988", "911", "999", "116 123", "111", "0800 1111"} == numbers
    assert all(line.source or line.source_note for line in data.crisis_lines)

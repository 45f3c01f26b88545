"""Each kind of data mistake raises a typed error naming file, row, field, found and expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.data import load_site_data
from scripts.data.errors import (
    DataError,
    DuplicateIdError,
    EmptyFileError,
    MissingFileError,
    SchemaError,
    UnknownReferenceError,
    YamlSyntaxError,
)
from tests.data.helpers import data_copy, edit

# name: (text on the reported line, file, old text, new text, error type, file label, row,
#        field, words in the message)
CASES = {
    "cell-without-source": (
        None,  # reported on the cell's own line ("downsides:"), which is not unique text
        "other_treatments.yml",
        "limited in quality.\n      source: nice-ipg679\n",
        "limited in quality.\n",
        SchemaError,
        "data/other_treatments.yml",
        "'vns' (item 7)",
        "downsides.source",
        "found neither source nor source_note",
    ),
    "cell-unknown-source": (
        "source: nice-ipg5422",
        "other_treatments.yml",
        "source: nice-ipg542\n  - id: vns",
        "source: nice-ipg5422\n  - id: vns",
        UnknownReferenceError,
        "data/other_treatments.yml",
        "'rtms' (item 6)",
        "status.source",
        "one of nice-ipg542",
    ),
    "care-sign-bad-level": (
        "level: soon",
        "care_cards.yml",
        "    level: urgent\n    sign: You see blood in your urine.",
        "    level: soon\n    sign: You see blood in your urine.",
        SchemaError,
        "data/care_cards.yml",
        "'bladder-blood' (item 3)",
        "level",
        "'soon'",
    ),
    "interaction-bad-applies-to": (
        "applies_to: ketamine",
        "interactions.yml",
        "    applies_to: esketamine\n    source: spravato-treatment-steps",
        "    applies_to: ketamine\n    source: spravato-treatment-steps",
        SchemaError,
        "data/interactions.yml",
        "'nasal-sprays-esketamine' (item 5)",
        "applies_to",
        "esketamine",
    ),
    "unknown-key": (
        "colour: red",
        "comparison.yml",
        "    frequency: Every day\n",
        "    frequency: Every day\n    colour: red\n",
        SchemaError,
        "data/comparison.yml",
        "'antidepressants' (item 2)",
        "colour",
        "unknown key 'colour'",
    ),
    "misspelt-key": (
        "percentage: 30",
        "effects.yml",
        "percent: 30",
        "percentage: 30",
        SchemaError,
        "data/effects.yml",
        "'euphoria' (item 1)",
        "percentage",
        "found the unknown key 'percentage', expected the key 'percent', which this row is missing",
    ),
    "missing-field": (
        "- id: iv",
        "methods.yml",
        "    how: A drip into a vein, so the medicine reaches the blood straight away.\n",
        "",
        SchemaError,
        "data/methods.yml",
        "'iv' (item 1)",
        "how",
        "found nothing",
    ),
    "wrong-type": (
        "percent: thirty",
        "effects.yml",
        "percent: 30",
        "percent: thirty",
        SchemaError,
        "data/effects.yml",
        "'euphoria' (item 1)",
        "percent",
        "found 'thirty'",
    ),
    "quoted-number": (
        'percent: "20"',
        "effects.yml",
        "percent: 20",
        'percent: "20"',
        SchemaError,
        "data/effects.yml",
        "'hallucinations' (item 2)",
        "percent",
        "found '20'",
    ),
    "percent-above-100": (
        "percent: 125",
        "effects.yml",
        "percent: 25",
        "percent: 125",
        SchemaError,
        "data/effects.yml",
        "'heart_rate' (item 3)",
        "percent",
        "expected a percentage from 0 to 100",
    ),
    "percent-below-0": (
        "success_rate: -5",
        "conditions.yml",
        "success_rate: 50",
        "success_rate: -5",
        SchemaError,
        "data/conditions.yml",
        "'trd' (item 1)",
        "success_rate",
        "found -5",
    ),
    "fact-percent-out-of-range": (
        "value: 152",
        "facts.yml",
        "    value: 52\n",
        "    value: 152\n",
        SchemaError,
        "data/facts.yml",
        "'response_24h'",
        "value",
        "found 152",
    ),
    "min-above-max": (
        "session_minutes: {min: 40",
        "methods.yml",
        "{min: 20, max: 40}",
        "{min: 40, max: 20}",
        SchemaError,
        "data/methods.yml",
        "'nasal' (item 2)",
        "session_minutes.max",
        "min 40 above max 20",
    ),
    "fact-range-min-above-max": (
        "max: 0.75",
        "facts.yml",
        "    min: 0.1\n    max: 0.75\n",
        "    min: 0.9\n    max: 0.75\n",
        SchemaError,
        "data/facts.yml",
        "'iv_dose_range'",
        "max",
        "min 0.9 above max 0.75",
    ),
    "duplicate-id": (
        "- id: brain_fog\n    name: Memory",
        "risks.yml",
        "  - id: memory\n",
        "  - id: brain_fog\n",
        DuplicateIdError,
        "data/risks.yml",
        "'brain_fog' (item 3)",
        "id",
        "(first in item 2)",
    ),
    "unknown-source": (
        "source: nice-ta855",
        "candidacy.yml",
        "source: nice-ta854",
        "source: nice-ta855",
        UnknownReferenceError,
        "data/candidacy.yml",
        "'two_antidepressants' (item 2)",
        "source",
        "nice-ta854",
    ),
    "neither-source-nor-note": (
        "- id: during",
        "monitoring.yml",
        "    source: oxford-health-risks\n",
        "",
        SchemaError,
        "data/monitoring.yml",
        "'during' (item 2)",
        "source",
        "neither",
    ),
    "unknown-fact-row": (
        "from: conditions.trdd",
        "facts.yml",
        "from: conditions.trd.success_rate",
        "from: conditions.trdd.success_rate",
        UnknownReferenceError,
        "data/facts.yml",
        "'trd_response' (item 1)",
        "from",
        "one of trd",
    ),
    "fact-with-two-figures": (
        "value: 3\n    tel:",
        "facts.yml",
        "    text: 1-855-382-6022\n",
        "    text: 1-855-382-6022\n    value: 3\n",
        SchemaError,
        "data/facts.yml",
        "'rems_phone'",
        "value",
        "exactly one of",
    ),
    "decimals-on-text": (
        "    decimals: 2",
        "facts.yml",
        "    text: 1-855-382-6022\n",
        "    text: 1-855-382-6022\n    decimals: 2\n",
        SchemaError,
        "data/facts.yml",
        "'rems_phone'",
        "decimals",
        "decimals on a figure written as text",
    ),
    "crisis-heading-without-reason": (
        "- id: uk-999",
        "crisis_lines.yml",
        "    now_if: Someone has harmed themselves or their life is at immediate risk.\n",
        "",
        SchemaError,
        "data/crisis_lines.yml",
        "'uk-999' (item 3)",
        "now_if",
        "now_if",
    ),
    "bool-as-text": (
        "tooltip: yes please",
        "glossary.yml",
        "    tooltip: true",
        "    tooltip: yes please",
        SchemaError,
        "data/glossary.yml",
        "'ampa' (item 1)",
        "tooltip",
        "expected true or false",
    ),
    "unsafe-url": (
        "url: javascript",
        "sources.yml",
        "url: https://www.oxfordhealth.nhs.uk/ketamine/",
        "url: javascript:alert(1)",
        SchemaError,
        "data/sources.yml",
        "'oxford-health-ketamine' (item 1)",
        "url",
        "http(s)",
    ),
    "bad-id": (
        "id: <b>",
        "effects.yml",
        "id: euphoria",
        "id: <b>euphoria</b>",
        SchemaError,
        "data/effects.yml",
        "item 1",
        "id",
        "lower-case",
    ),
    "bad-topic-page": (
        "page: Benefits",
        "xrefs.yml",
        "      page: benefits.md\n",
        "      page: Benefits\n",
        SchemaError,
        "data/xrefs.yml",
        "",
        "topics[1].page",
        "found 'Benefits'",
    ),
    "unknown-topic": (
        "topics: [trdd,",
        "xrefs.yml",
        "topics: [trd,",
        "topics: [trdd,",
        UnknownReferenceError,
        "data/xrefs.yml",
        "required_links item 2",
        "topics",
        "trd",
    ),
    "duplicate-yaml-key": (
        "percent: 35",
        "effects.yml",
        "    percent: 30\n",
        "    percent: 30\n    percent: 35\n",
        SchemaError,
        "data/effects.yml",
        "",
        "percent",
        "twice",
    ),
    "wrong-top-level-key": (
        "effects:",
        "effects.yml",
        "immediate_effects:",
        "effects:",
        SchemaError,
        "data/effects.yml",
        "",
        "",
        "one top-level key 'immediate_effects'",
    ),
    "unconfirmed-figure-among-confirmed-effects": (
        "source_note: From a clinic",
        "common_effects.yml",
        "    note: The range across the trials in the label.\n"
        "    source: spravato-prescribing-information\n",
        "    note: The range across the trials in the label.\n    source_note: From a clinic\n",
        SchemaError,
        "data/common_effects.yml",
        "'sedation' (item 2)",
        "source_note",
        "figures no source confirms belong in data/effects.yml",
    ),
    "confirmed-effect-range-upside-down": (
        "percent: {min: 84, max: 61}",
        "common_effects.yml",
        "percent: {min: 61, max: 84}",
        "percent: {min: 84, max: 61}",
        SchemaError,
        "data/common_effects.yml",
        "'dissociation' (item 1)",
        "percent.max",
        "min 84 above max 61",
    ),
    "licence-date-not-a-month": (
        "since: 2019-03",
        "licences.yml",
        "    since: March 2019\n",
        "    since: 2019-03\n",
        SchemaError,
        "data/licences.yml",
        "'esketamine-us-trd' (item 1)",
        "since",
        "the month it happened, written like March 2019",
    ),
    "licence-unknown-extra-source": (
        "also: [ema-spravato-opinon]",
        "licences.yml",
        "also: [ema-spravato-opinion]",
        "also: [ema-spravato-opinon]",
        UnknownReferenceError,
        "data/licences.yml",
        "'esketamine-eu-trd' (item 4)",
        "also",
        "ema-spravato-opinion",
    ),
    "licence-page-not-a-topic": (
        "licence_note_pages:",
        "xrefs.yml",
        "licence_note_pages: [home, benefits,",
        "licence_note_pages: [home, benefit,",
        UnknownReferenceError,
        "data/xrefs.yml",
        "licence_note_pages item 2",
        "",
        "a topic id: one of benefits",
    ),
    "syntax-error": (
        None,
        "risks.yml",
        "    name: Brain fog\n",
        "    name: [Brain fog\n",
        YamlSyntaxError,
        "data/risks.yml",
        "",
        "",
        "expected valid YAML",
    ),
    "unknown-change-topic": (
        "topic: side-effect",
        "changes.yml",
        "topic: side-effects",
        "topic: side-effect",
        UnknownReferenceError,
        "data/changes.yml",
        "'side-effects-sources' (item 5)",
        "topic",
        "side-effects",
    ),
    "unknown-change-kind": (
        "kind: fix",
        "changes.yml",
        "kind: correction",
        "kind: fix",
        SchemaError,
        "data/changes.yml",
        "'honest-figure-sources' (item 4)",
        "kind",
        "'fix'",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_is_reported_precisely(tmp_path: Path, name: str) -> None:
    marker, file, old, new, kind, label, row, field, words = CASES[name]
    project = data_copy(tmp_path)
    edit(project / "data" / file, old, new)
    with pytest.raises(kind) as caught:
        load_site_data(project)
    message = str(caught.value)
    where = label if marker is None else f"{label}:{_line_of(project / 'data' / file, marker)}"
    assert message.startswith(where), message
    assert row in message and words in message, message
    if field:
        assert f"field '{field}'" in message, message
    assert "expected" in message


def _line_of(path: Path, marker: str) -> int:
    """The 1-based line on which `marker` starts in `path`."""
    text = path.read_text(encoding="utf-8")
    assert marker in text, marker
    return text[: text.index(marker)].count("\n") + 1


def test_empty_file(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/conditions.yml").write_text("# nothing here yet\n", encoding="utf-8")
    with pytest.raises(EmptyFileError, match=r"^data/conditions\.yml: found an empty file"):
        load_site_data(project)


def test_missing_file(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/glossary.yml").unlink()
    with pytest.raises(MissingFileError, match=r"^data/glossary\.yml: found no file"):
        load_site_data(project)


def test_empty_list_of_rows(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/candidacy.yml").write_text("candidacy: []\n", encoding="utf-8")
    expected = "field 'candidacy': found an empty list, expected a non-empty"
    with pytest.raises(SchemaError, match=expected):
        load_site_data(project)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    edit(project / "data/risks.yml", "    name: Brain fog\n", "    name: [Brain fog\n")
    with pytest.raises(YamlSyntaxError) as caught:
        load_site_data(project)
    problem = caught.value.problem
    assert problem.file == "data/risks.yml" and problem.line is not None
    lines = (project / "data/risks.yml").read_text().splitlines()
    assert "Brain fog" in lines[problem.line - 2] or "Brain fog" in lines[problem.line - 1]


def test_every_error_is_a_data_error() -> None:
    for case in CASES.values():
        assert issubclass(case[4], DataError)

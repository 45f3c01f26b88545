"""Editor slips found in QA: each gives a clear located error (or none, for a BOM), never a
wrong figure, a Python repr or only the first of several problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scripts.config.includes import check_include_yaml
from scripts.data import load_site_data
from scripts.data.checks import AUTHORITATIVE_HOSTS, natural_denominator
from scripts.data.errors import DataError, DataErrors, FrontMatterError, SchemaError
from scripts.pages.frontmatter import check_page, check_pages
from tests.data.helpers import data_copy, edit
from tests.data.test_frontmatter import GOOD, KNOWN
from tests.support.repo import REPO

TODAY = dt.date(2026, 11, 25)


def data_error(tmp_path: Path, file: str, old: str, new: str) -> str:
    project = data_copy(tmp_path)
    edit(project / "data" / file, old, new)
    with pytest.raises(DataError) as caught:
        load_site_data(project)
    return str(caught.value)


def line_of(tmp_path: Path, file: str, text: str) -> int:
    lines = (tmp_path / "data" / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


# name: (file, old, new, text on the reported line, words in the message)
DATA_SLIPS = {
    "leading-zero-percent": (
        "effects.yml",
        "percent: 30",
        "percent: 030",
        "percent: 030",
        "field 'percent': found 030 (a leading 0 makes YAML read it as the octal number 24), "
        "expected 30 without the leading 0",
    ),
    "leading-zero-tel": (
        "crisis_lines.yml",
        'tel: "988"',
        "tel: 0300123123",
        "tel: 0300123123",
        "octal number 50374227",
    ),
    "unquoted-tel": (
        "crisis_lines.yml",
        'tel: "988"',
        "tel: 988",
        "tel: 988",
        "field 'tel': found 988, which YAML read as a number, expected the digits a phone dials, "
        "such as 116123, written in quotes ('988')",
    ),
    "no-read-as-false": (
        "crisis_lines.yml",
        "region: United States",
        "region: NO",
        "region: NO",
        "found NO, which YAML read as the boolean false, expected where the line works, "
        "written in quotes ('NO')",
    ),
    "emptied-field": (
        "effects.yml",
        "percent: 30",
        "percent:",
        "percent:",
        "field 'percent': found nothing, expected a percentage",
    ),
    "tab-indent": (
        "effects.yml",
        "    percent: 30",
        "\tpercent: 30",
        "\tpercent: 30",
        "found a tab, expected spaces",
    ),
    "non-breaking-space": (
        "effects.yml",
        "    percent: 30",
        "    percent:\u00a030",
        "percent:\u00a030",
        "found a non-breaking space, expected an ordinary space",
    ),
    "markdown-in-text": (
        "monitoring.yml",
        "    summary: ",
        "    summary: Check **blood pressure** and ",
        "**blood pressure**",
        "field 'summary': found Markdown or HTML '**blood pressure**', expected plain text",
    ),
    "html-in-text": (
        "monitoring.yml",
        "    summary: ",
        "    summary: First line<br>",
        "<br>",
        "found Markdown or HTML '<br>'",
    ),
    "link-in-text": (
        "glossary.yml",
        "    definition: ",
        "    definition: See [the NHS](x.md). ",
        "[the NHS](x.md)",
        "found Markdown or HTML '[the NHS](x.md)'",
    ),
    "non-authoritative-url": (
        "sources.yml",
        "url: https://",
        "url: https://www.brightmindsketamine.com/prices?",
        "brightmindsketamine",
        "on www.brightmindsketamine.com, expected an address on an authoritative host",
    ),
    "unclosed-ipv6-url": (
        "sources.yml",
        "url: https://",
        "url: https://[::1/",
        "[::1",
        "which a browser cannot open: the IPv6 address is not closed with ']'",
    ),
    "idna-url": (
        "sources.yml",
        "url: https://",
        "url: https://ex\u2100ample.",
        "ex\u2100ample",
        "which a browser cannot open: the host",
    ),
    "bad-port-url": (
        "sources.yml",
        "url: https://",
        "url: https://nhs.uk:99999/",
        "nhs.uk:99999",
        "the port 99999 is above 65535",
    ),
}


@pytest.mark.parametrize("name", sorted(DATA_SLIPS))
def test_data_slip_is_reported_at_its_line(tmp_path: Path, name: str) -> None:
    file, old, new, on_line, words = DATA_SLIPS[name]
    message = data_error(tmp_path, file, old, new)
    line = line_of(tmp_path, file, on_line)
    assert message.startswith(f"data/{file}:{line}"), message
    assert words in message, message
    assert "None" not in message and "found found" not in message, message


def test_an_emptied_figure_used_by_a_fact_is_reported_where_it_was_emptied(tmp_path: Path) -> None:
    message = data_error(tmp_path, "risks.yml", "    percent: 10\n", "    percent:\n")
    line = line_of(tmp_path, "risks.yml", "    percent:")
    assert message.startswith(f"data/risks.yml:{line}, row 'mood_dips'"), message
    assert "found nothing" in message and "fact 'mood_dip_share' in data/facts.yml:" in message
    assert "\n" not in message, "one problem, one line"


def test_a_top_level_list_is_described_not_printed(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/candidacy.yml").write_text("- id: a\n- id: b\n", encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_site_data(project)
    assert "found a list of 2 items, expected one top-level key 'candidacy'" in str(caught.value)
    assert "{" not in str(caught.value)


def test_every_data_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    edit(project / "data/effects.yml", "percent: 30", "percent: 130")
    edit(project / "data/glossary.yml", "    tooltip: true", "    tooltip: maybe")
    edit(project / "data/monitoring.yml", "stage: during", "stage: durring")
    edit(
        project / "data/sources.yml",
        "  - id: ",
        "  - id: x\n    publisher: \n    title: t\n    short: s\n  - id: ",
    )
    with pytest.raises(DataErrors) as caught:
        load_site_data(project)
    lines = str(caught.value).splitlines()
    # In the order of DATASETS, one line each.
    assert [line.split(":")[0] for line in lines] == [
        "data/sources.yml",
        "data/effects.yml",
        "data/monitoring.yml",
        "data/glossary.yml",
    ], lines
    assert len(caught.value.problems) == 4


def test_an_unregistered_data_file_is_an_error(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/costs.yml").write_text("costs:\n  - id: iv\n", encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_site_data(project)
    message = str(caught.value)
    assert message.startswith("data/costs.yml:1: found a data file the site does not read")
    assert "a new kind of data needs a schema in scripts/data/datasets.py" in message


def test_an_unregistered_include_yaml_entry_is_reported_at_its_line(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    (project / "data/costs.yml").write_text("costs: []\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "plugins:\n  - macros:\n      include_yaml:\n        - data/effects.yml\n"
        "        - data/costs.yml\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError) as caught:
        check_include_yaml(project, ["data/effects.yml", "data/costs.yml"])
    message = str(caught.value)
    assert message.startswith("mkdocs.yml:5, row item 2"), message
    assert "needs a schema in scripts/data/datasets.py" in message


def test_a_byte_order_mark_in_a_data_file_is_accepted(tmp_path: Path) -> None:
    project = data_copy(tmp_path)
    path = project / "data/effects.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_site_data(project).tables["immediate_effects"]


@pytest.mark.parametrize(
    ("percent", "denominator"), [(50, 2), (33, 3), (25, 4), (10, 10), (40, None), (80, None)]
)
def test_natural_style_only_where_one_in_n_is_right(percent: int, denominator: int | None) -> None:
    assert natural_denominator(percent) == denominator


def test_a_chance_it_would_misstate_as_1_in_n_is_an_error(tmp_path: Path) -> None:
    message = data_error(
        tmp_path,
        "facts.yml",
        "    from: common_effects.first_infusion_unpleasant.percent\n    qualifier: about\n"
        "    kind: chance\n",
        '    value: 80\n    unit: "%"\n    source: oxford-health-ketamine\n    qualifier: about\n'
        "    kind: chance\n",
    )
    assert "field 'kind': found kind chance for 80%, which '1 in N' cannot show" in message
    assert "write kind: rate to show the percentage" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    from: common_effects.first_infusion_unpleasant.percent\n    qualifier: about\n"
            "    kind: chance\n",
            "    value: 10\n    unit: minutes\n    source: oxford-health-ketamine\n"
            "    qualifier: about\n    kind: chance\n",
            "field 'kind': found kind chance without unit '%'",
        ),
        (
            "    unit: 1 in\n    qualifier: about\n    kind: chance\n",
            "    unit: 1 in\n    qualifier: about\n",
            "field 'kind': found unit '1 in' with kind left out, expected kind: chance",
        ),
        (
            "    from: risks.mood_dips.percent\n    qualifier: about\n    kind: chance\n",
            "    from: risks.mood_dips.lasts\n    qualifier: about\n    kind: chance\n",
            "found kind chance for risks.mood_dips.lasts, which is not a share",
        ),
        (
            "    from: risks.mood_dips.percent\n    qualifier: about\n    kind: chance\n",
            "    from: risks.mood_dips.percent\n    qualifier: about\n    kind: odds\n",
            "field 'kind'",
        ),
        (
            "    from: risks.mood_dips.percent\n    qualifier: about\n    kind: chance\n",
            "    from: risks.mood_dips.percent\n    qualifier: about\n    style: natural\n",
            "style",
        ),
    ],
    ids=["kind-on-a-time", "one-in-without-kind", "kind-on-words", "unknown-kind", "old-style"],
)
def test_a_kind_that_does_not_fit_the_figure_is_an_error(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert expected in data_error(tmp_path, "facts.yml", old, new)


def test_a_glossary_form_that_another_entry_owns_is_an_error(tmp_path: Path) -> None:
    message = data_error(
        tmp_path,
        "glossary.yml",
        "    forms: [responds, responded, responding, response]\n",
        "    forms: [responds, responded, responding, response, remission]\n",
    )
    assert "row 'response'" in message
    assert "field 'forms': found 'remission', already the term or a form of item" in message


def test_the_authoritative_host_list_is_the_one_validation_uses() -> None:
    assert "nhs.uk" in AUTHORITATIVE_HOSTS and "doi.org" in AUTHORITATIVE_HOSTS


# --- Front matter ----------------------------------------------------------------------------


def page_error(old: str, new: str) -> str:
    assert old in GOOD
    with pytest.raises(FrontMatterError) as caught:
        check_page(GOOD.replace(old, new, 1), "docs/dosage.md", KNOWN, TODAY)
    return str(caught.value)


FRONT_MATTER_SLIPS = {
    "misspelt-key": (
        "review_due:",
        "review-due:",
        "docs/dosage.md:5, field 'review-due': found the unknown key 'review-due', "
        "expected review_due (the closest valid key)",
    ),
    "quoted-date": (
        "review_due: 2027-05-24",
        'review_due: "2027-05-24"',
        "docs/dosage.md:5, field 'review_due': found '2027-05-24' in quotes (so it is text, not "
        "a date), expected a date written as YYYY-MM-DD, after reviewed, without quotes",
    ),
    "date-with-time": (
        "reviewed: 2026-11-24",
        "reviewed: 2026-11-24T09:00:00",
        "found 2026-11-24 09:00:00 (a date with a time)",
    ),
    "impossible-date": (
        "reviewed: 2026-11-24",
        "reviewed: 2026-02-30",
        "docs/dosage.md:4, field 'reviewed': found 2026-02-30, a date that does not exist",
    ),
    "empty-date": ("reviewed: 2026-11-24", "reviewed:", "field 'reviewed': found nothing"),
    "empty-description": (
        "description: How ketamine doses are worked out.",
        'description: ""',
        "field 'description': found an empty value",
    ),
    "reviewed-in-future": (
        "reviewed: 2026-11-24\nreview_due: 2027-05-24",
        "reviewed: 2062-11-24\nreview_due: 2063-05-24",
        "field 'reviewed': found 2062-11-24, a date in the future",
    ),
    "review-due-too-far": (
        "review_due: 2027-05-24",
        "review_due: 2207-05-24",
        "docs/dosage.md:5, field 'review_due': found 2207-05-24, more than a year after reviewed",
    ),
    "duplicate-source": (
        "sources: [nice-ta854, fava-2018]",
        "sources: [fava-2018, nice-ta854, fava-2018]",
        "docs/dosage.md:6, field 'sources': found 'fava-2018' twice, expected each source listed "
        "once",
    ),
    "tab": ("title: Ketamine", "title:\tKetamine", "docs/dosage.md:2: found a tab"),
}


@pytest.mark.parametrize("name", sorted(FRONT_MATTER_SLIPS))
def test_front_matter_slip(name: str) -> None:
    old, new, words = FRONT_MATTER_SLIPS[name]
    message = page_error(old, new)
    assert words in message, message
    assert "\n" not in message, "one slip, one line"
    assert "None" not in message and "datetime" not in message, message


def test_hide_is_the_one_theme_key_allowed() -> None:
    extra = "title: Ketamine infusion dosage\nhide: [toc]\n"
    page = check_page(GOOD.replace("title: Ketamine infusion dosage\n", extra), "docs/d.md", KNOWN)
    assert page.title == "Ketamine infusion dosage"


def test_theme_keys_that_switch_features_off_are_refused_by_name() -> None:
    extra = "title: Ketamine infusion dosage\nsearch: {exclude: true}\nicon: x\n"
    with pytest.raises(DataErrors) as caught:
        check_page(GOOD.replace("title: Ketamine infusion dosage\n", extra), "docs/d.md", KNOWN)
    assert [(p.field, p.line) for p in caught.value.problems] == [("search", 3), ("icon", 4)]
    assert "every page stays in the site's search" in str(caught.value)


def test_a_byte_order_mark_in_a_page_is_accepted() -> None:
    page = check_page("\ufeff" + GOOD, "docs/dosage.md", KNOWN, TODAY)
    assert page.sources == ["nice-ta854", "fava-2018"]


def test_every_page_problem_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD.replace("review_due:", "review-due:"), encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD.replace("[nice-ta854", "[nice-ta845"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        check_pages(tmp_path, KNOWN, TODAY)
    assert [p.file for p in caught.value.problems] == ["docs/a.md", "docs/b.md"]


def test_real_pages_pass_with_todays_date() -> None:
    check_pages(REPO / "docs", load_site_data(REPO).sources)

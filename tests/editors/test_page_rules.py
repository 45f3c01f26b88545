"""The page rules of `make check` (scripts/editor_check): each flags its mistake at the
right line with a message saying how to fix it, and leaves the current pages alone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from scripts.config import config_or_empty, plugin_settings
from scripts.pages import markup, redirects, rules
from scripts.pages.templates import page_environment
from tests.support.repo import REPO

FRONT = "---\ntitle: x\nreviewed: 2026-11-24\nsources: [fava-2018]\n---\n\n"  # body: line 7
SITE = page_environment(
    plugin_settings(config_or_empty(REPO), "macros")
)  # the build's delimiters: comments as [[# #]]


def findings(body: str, front: str = FRONT) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in rules.lint_page(front + body, "docs/x.md", SITE)]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Half of people feel better within a day.", "figure 'Half of' typed by hand"),
        ("Two thirds relapse within a month.", "figure 'Two thirds' typed by hand"),
        ("About one in three people stop treatment.", "figure 'one in three' typed by hand"),
        ("Fifty percent of patients respond.", "figure 'Fifty percent' typed by hand"),
        ("It costs about three thousand pounds a year.", "figure 'three thousand'"),
        ("Twenty-five out of a hundred respond.", "figure 'Twenty-five out of a hundred'"),
        ('<abbr title="Responds in 50% of cases">TRD</abbr>', "figure '50%' typed by hand in a"),
        ('Relapse{: title="about 60% of people" }', "figure '60%' typed by hand in a tooltip"),
        ("{% set share = 50 %}", "figure '50' written into a template tag"),
        ('{{ "60%" }} relapse.', "figure '60%' written into a template tag"),
        ("Or {{ 3 * 10 }} people.", "figure '3' written into a template tag"),
        ('{ fact("trd_response") }} respond.', "write {{ fact(...) }}"),
        ("{# TODO: ask the clinic about costs #}", "write a hidden note as <!-- ... -->"),
        ("> [!WARNING]", "write !!! warning"),
        ("!!! important", "use one of note, abstract, info, tip"),
        ('!!! warning "Do not drive"', "box has no content: indent its text by 4 spaces"),
        ('## About {{ fact("trd_response") }} respond', "macro in a heading"),
        ('Read {{ xref("dosage", "") }}.', "has empty link text"),
        ('Read about doses {{ xref("dosage", "here") }}.', "link text 'here' does not say"),
        ('See {{ xref("dosage", "Click here") }}.', "link text 'Click here' does not say"),
        ('Read [how your dose is chosen]({{ xref("dosage") }}).',
         'xref() already makes a link, so it cannot be a link\'s target: write '
         '{{ xref("dosage", "how your dose is chosen") }}'),
        ('Fast {{ cite("han-2016") }}.', "cites 'han-2016', which is not in the front matter "
         "sources (line 4): add it there"),
        ('It helps {{ cite("fava-2018") }} within hours.',
         'cite("fava-2018") stands in the middle of a sentence: move it to the end'),
        ('{{ cite("fava-2018") }} Some people feel better.', "stands in the middle of a sentence"),
        ('It helps fast {{ cite("fava-2018") }}, but not for long.',
         "stands in the middle of a sentence"),
        ('It helps {{ cite("fava-2018") }}. It fades {{ cite("fava-2018") }}.',
         "cites 'fava-2018' twice in one paragraph (first on line 7): cite a source once"),
    ],
)  # fmt: skip
def test_rule_flags_the_line(line: str, problem: str) -> None:
    found = findings(f"{line}\n")
    assert len(found) == 1, found
    assert found[0][0] == 7 and problem in found[0][1], found


@pytest.mark.parametrize(
    "line",
    [
        "One of the medicines is given as a nasal spray.",
        "Most people have one or two sessions a week at first.",
        "Half an hour after the session you can go home.",
        "In the first session, a nurse stays with you.",
        "## Dosing {#dosing}",
        "## Dosing { #dosing .wide }",
        '<abbr title="N-methyl-D-aspartate">NMDA</abbr>',
        'Relapse{: title="coming back of depression" }',
        '{{ fact("trd_response") }} and {{ cite("fava-2018") }}',
        '{{ table("methods") }}{{ chart("onset", with_table=false) }}',
        '{{ xref("dosage", "how the dose is worked out") }}',
        '!!! warning "Do not drive"\n\n    Not until the next day.',
        "!!! note\n    Text.",
        '!!! key-points "Key points"\n\n    - A point.',
        "> A plain quotation.",
        "[[# a note with 50% in it #]]",
        'It helps within hours {{ cite("fava-2018") }}.',
        'Trials pooled their results {{ cite("fava-2018") }}:',
        'It is not known ("unclear" {{ cite("fava-2018") }}).',
        '| Fast | In hours {{ cite("fava-2018") }} |',
        '- It helps {{ cite("fava-2018") }}\n- It fades {{ cite("fava-2018") }}',
        'It helps {{ cite("fava-2018") }}.\n\nIt fades {{ cite("fava-2018") }}.',
        'It lasts {{ fact("iv_session_length") }} and then {{ fact("iv_dose") }} is given.',
    ],
)
def test_rule_leaves_alone(line: str) -> None:
    assert findings(f"{line}\n") == []


def test_citations_side_by_side_end_their_sentence() -> None:
    front = FRONT.replace("[fava-2018]", "[fava-2018, han-2016]")
    assert findings('It helps {{ cite("fava-2018") }} {{ cite("han-2016") }}.\n', front) == []


def test_a_repeated_citation_is_flagged_on_its_own_line() -> None:
    body = 'It helps {{ cite("fava-2018") }}.\nIt fades,\nas trials show {{ cite("fava-2018") }}.\n'
    assert findings(body) == [
        (
            9,
            "cites 'fava-2018' twice in one paragraph (first on line 7): cite a source once per "
            "paragraph, at the end of the sentence it backs",
        )
    ]


def test_every_current_page_passes_the_page_rules() -> None:
    """No false positive: the rules run against every page of the site as it is."""
    assert rules.lint_pages(REPO) == []


def test_styled_types_are_the_ones_materials_stylesheet_styles() -> None:
    import material

    css_dir = Path(material.__file__).parent / "templates/assets/stylesheets"
    css = "".join(p.read_text(encoding="utf-8") for p in css_dir.glob("main.*.css"))
    styled = set(re.findall(r"\.admonition\.([a-z]+)[,{]", css))
    assert styled == set(markup.STYLED_TYPES)


def test_the_sites_own_box_types_are_styled_by_its_stylesheet() -> None:
    css = (REPO / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    for kind in markup.SITE_TYPES:
        assert f".admonition.{kind} {{" in css, f"site.css does not style the {kind} box"
        assert f".{kind} > .admonition-title::before {{" in css, f"no icon for the {kind} box"


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("description", 'Ketamine helps {{ fact("trd_response") }} people.', "holds a macro"),
        ("description", "Helps within 24 hours.", "figure '24 hours' typed by hand in the front"),
        ("title", "Half of people respond", "figure 'Half of' typed by hand in the front matter"),
    ],
)  # fmt: skip
def test_front_matter_shown_to_readers_has_no_macro_or_figure(
    key: str, value: str, words: str
) -> None:
    front = f"---\ntitle: x\n{key}: '{value}'\n---\n\n"
    found = findings("Text.\n", front)
    assert len(found) == 1 and found[0][0] == 3 and words in found[0][1], found


def test_cites_with_an_empty_source_list_give_one_line_at_sources() -> None:
    front = "---\ntitle: x\nsources: []\n---\n\n"
    body = 'A {{ cite("a-1") }}.\nB {{ cite("b-2") }}.\n\n## Sources\n\n{{ page_sources() }}\n'
    assert findings(body, front) == [
        (3, "the front matter sources lists nothing, so the page's Sources section is empty: "
            "list every source the page uses (it cites: a-1, b-2)")
    ]  # fmt: skip


def test_sources_section_without_page_sources() -> None:
    found = findings("Text.\n\n## Sources\n\nThis page is based on:\n")
    assert found == [(9, found[0][1])] and "add {{ page_sources() }}" in found[0][1]


def test_sources_section_explaining_there_are_none_passes() -> None:
    front = "---\ntitle: x\n---\n\n"
    assert findings("## Sources\n\nThis page makes no medical claims.\n", front) == []


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("Ketamine and ECT.md", "ketamine-and-ect.md"), ("faq/Dose_Notes.md", "faq/dose-notes.md")],
)
def test_page_file_names(tmp_path: Path, name: str, suggested: str) -> None:
    page = tmp_path / "docs" / name
    page.parent.mkdir(parents=True)
    page.write_text("# T\n", encoding="utf-8")
    (finding,) = rules.lint_pages(tmp_path)
    assert (finding.path, finding.line) == (f"docs/{name}", 1)
    assert f"rename it to {suggested}" in finding.message


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo,
                   check=True, capture_output=True)  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository on main with two published pages and one redirect."""
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "docs" / name).write_text("# T\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "plugins:\n  - redirects:\n      redirect_maps:\n        old.md: a.md\n", "utf-8"
    )
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def test_renamed_page_without_redirect(repo: Path) -> None:
    git(repo, "mv", "docs/b.md", "docs/c.md")  # not committed: the working tree counts
    (finding,) = redirects.redirect_problems(repo)
    assert (finding.path, finding.line) == ("mkdocs.yml", 3)
    assert finding.message == (
        "page b.md was published but has no redirect: add 'b.md: c.md' under redirect_maps"
    )


def test_deleted_page_in_a_commit_on_a_branch(repo: Path) -> None:
    git(repo, "checkout", "-qb", "edit")
    git(repo, "rm", "-q", "docs/b.md")
    git(repo, "commit", "-qm", "drop b")
    (finding,) = redirects.redirect_problems(repo)
    assert "page b.md was published but has no redirect" in finding.message


def test_renamed_page_with_a_redirect_passes(repo: Path) -> None:
    git(repo, "mv", "docs/b.md", "docs/c.md")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        b.md: c.md\n", "utf-8")
    assert redirects.redirect_problems(repo) == []


def test_without_git_the_rename_rule_does_not_apply(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    assert redirects.redirect_problems(tmp_path) == []


def test_page_named_like_an_old_address(repo: Path) -> None:
    (repo / "docs" / "old.md").write_text("# T\n", encoding="utf-8")
    (finding,) = redirects.redirect_problems(repo)
    assert (finding.path, finding.line) == ("docs/old.md", 1)
    assert "old address in redirect_maps (mkdocs.yml:4)" in finding.message


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('{{ table("methods") }}\n\n{{ table("methods") }}', 9, 'table("methods") at line 7'),
        ('{{ chart("session_length") }}\n\n{{ table("methods") }}', 9, 'chart("session_length")'),
        (
            '{{ table("risks") }}\n\n{{ chart("immediate_effects") }}\n\n{{ table("risks") }}',
            11,
            "risks",
        ),
    ],
)
def test_a_table_shown_twice_on_a_page_is_flagged(body: str, line: int, words: str) -> None:
    found = [(n, m) for n, m in findings(body) if "already on this page" in m]
    assert len(found) == 1 and found[0][0] == line and words in found[0][1], found


@pytest.mark.parametrize(
    "body",
    [
        '{{ chart("session_length", with_table=false) }}\n\n{{ table("methods") }}',
        '{{ chart("onset") }}\n\n{{ table("methods") }}',
    ],
)
def test_a_table_shown_once_passes(body: str) -> None:
    assert not [m for _n, m in findings(body) if "already on this page" in m]


# The licence-status rule (scripts/pages/licence_note.py). FRONT ends on line 6, so
# the body starts on line 7.
LICENCE_CALL = "{{ licence_status() }}"


def licence_findings(body: str, about_treatment: bool = True) -> list[tuple[int, str]]:
    found = rules.lint_page(FRONT + body, "docs/x.md", SITE, None, about_treatment)
    return [(f.line, f.message) for f in found]


def test_a_treatment_page_without_the_licence_note_is_flagged_at_its_first_section() -> None:
    body = "Intro.\n\n## What it is\n\nText.\n\n## More\n"
    ((line, message),) = licence_findings(body)
    assert line == 9 and "add {{ licence_status() }}" in message
    assert "data/xrefs.yml licence_note_pages" in message


def test_a_licence_note_below_the_first_section_is_flagged_where_it_is() -> None:
    body = f"Intro.\n\n## What it is\n\n{LICENCE_CALL}\n"
    assert licence_findings(body) == [
        (
            11,
            "the licence-status note comes after the first ## heading (line 9): "
            "move {{ licence_status() }} above that heading, near the top of the page",
        )
    ]


def test_a_licence_note_shown_twice_is_flagged_at_the_second() -> None:
    body = f"Intro.\n\n{LICENCE_CALL}\n\n## What it is\n\n{LICENCE_CALL}\n"
    for about_treatment in (True, False):
        ((line, message),) = licence_findings(body, about_treatment)
        assert line == 13 and "already on this page (line 9)" in message


@pytest.mark.parametrize(
    ("body", "about_treatment"),
    [
        (f"Intro.\n\n{LICENCE_CALL}\n\n## What it is\n", True),
        ("{{- licence_status() -}}\n\n## What it is\n", True),
        ("Intro.\n\n### A small heading\n\n{{ licence_status() }}\n\n## What it is\n", True),
        (f"Only a short page with {LICENCE_CALL} and no sections.\n", True),
        ("Intro.\n\n## Not about treatment\n", False),
        ("```\n## Not a heading in a code block\n```\n\n" + LICENCE_CALL + "\n", True),
    ],
)
def test_licence_rule_leaves_alone(body: str, about_treatment: bool) -> None:
    assert licence_findings(body, about_treatment) == []


def test_the_treatment_pages_are_the_ones_xrefs_lists(tmp_path: Path) -> None:
    """The list lives once, in data/xrefs.yml: a page joins or leaves the rule there."""
    from scripts.pages.licence_note import licence_pages
    from tests.support.repo import copy_repo

    assert licence_pages(REPO) == {
        "index.md",
        "benefits.md",
        "how-its-given.md",
        "ketamine-infusion-dosage.md",
        "ketamine-infusion-side-effects.md",
        "ketamine-for-treatment-resistant-depression.md",
        "ketamine-infusion-therapy-near-me.md",
        "other-treatments.md",
        "medicines-alcohol-and-drugs.md",
    }
    project = copy_repo(tmp_path / "repo")
    page = project / "docs" / "how-it-works.md"
    xrefs = project / "data" / "xrefs.yml"
    text = xrefs.read_text(encoding="utf-8")
    xrefs.write_text(text.replace("[home, benefits,", "[home, mechanism, benefits,"), "utf-8")
    found = [f for f in rules.lint_pages(project) if "licence" in f.message]
    assert [f.path for f in found] == ["docs/how-it-works.md"]
    first_h2 = next(
        n for n, line in enumerate(page.read_text("utf-8").splitlines(), 1)
        if line.startswith("## ")
    )  # fmt: skip
    assert found[0].line == first_h2
    (xrefs).write_text("xrefs: [not, a, mapping]\n", "utf-8")
    assert licence_pages(project) is None

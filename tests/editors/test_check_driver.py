"""The parts of `make check`'s driver, tested without building anything."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from scripts import check
from scripts.editor_check import build, tools
from scripts.editor_check.mistakes import ANY, SAME_FILE, Mistake, as_github, merge
from scripts.pages import rules
from tests.support.repo import REPO

MACRO_ERROR = """[macros] - ERROR # _Macro Rendering Error_

_File_: `index.md`

_UndefinedError_: 'tabel' is undefined

```
Traceback (most recent call last):
  File "<template>", line 4, in top-level template code
jinja2.exceptions.UndefinedError: 'tabel' is undefined
```
"""


def warnings(*messages: str) -> list[tuple[str, str]]:
    """Log records as the build's handler keeps them: (level, message)."""
    return [("WARNING", message) for message in messages]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    page = "---\ntitle: Home\nreviewed: 2026-01-01\n---\n\n# Home\n\nSee [x](gone.md).\n"
    (docs / "index.md").write_text(page + "{{ tabel('x') }}\nJump [up](#nowhere).\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nnav:\n  - Home: index.md\n  - Old: old.md\nplugins:\n  - redirects:\n"
        "      redirect_maps:\n        before.md: index.md\n        typo.md: indx.md\n",
        "utf-8",
    )
    return tmp_path


def test_build_warnings_become_findings_at_the_source_line(site: Path) -> None:
    records = [
        "Doc file 'index.md' contains a link 'gone.md', but the target is not "
        "found among documentation files.",
        "Doc file 'index.md' contains a link '#nowhere', but there is no such anchor on this page.",
        "A reference to 'old.md' is included in the 'nav' configuration, which "
        "is not found in the documentation files.",
        "Redirect target 'indx.md' does not exist!",
    ]
    found = [f.text() for f in build.findings_from_records(warnings(*records), site)]
    assert found == [
        "docs/index.md:8: broken link: 'gone.md' is not a page or file in docs/",
        "docs/index.md:10: broken link: this page has no heading or anchor '#nowhere'",
        "mkdocs.yml:4: the navigation lists 'old.md', but there is no docs/old.md",
        "mkdocs.yml:9: redirect to 'indx.md', which is not a page in docs/",
    ]


def test_a_link_to_a_renamed_page_names_the_new_page(site: Path) -> None:
    record = (
        "Doc file 'index.md' contains a link 'before.md', but the target is not "
        "found among documentation files."
    )
    (finding,) = build.findings_from_records(warnings(record), site)
    assert finding.message == (
        "link to 'before.md', a page that was renamed: link to 'index.md' instead"
    )


def test_macro_error_points_at_the_page_line_after_the_front_matter(site: Path) -> None:
    (finding,) = build.findings_from_records(warnings(MACRO_ERROR), site)
    # Template line 4 is file line 9: front matter takes lines 1-4, a blank line follows.
    assert finding.text() == (
        "docs/index.md:9: unknown macro or variable 'tabel': did you mean table? "
        "(the macros are listed in data/README.md)"
    )


def test_pages_not_in_the_navigation_each_get_a_finding(site: Path) -> None:
    record = (
        "The following pages exist in the docs directory, but are not included in "
        'the "nav" configuration:\n  - a.md\n  - b/c.md'
    )
    assert [f.text() for f in build.findings_from_records(warnings(record), site)] == [
        "docs/a.md:1: page is not in the navigation: add it under nav: in mkdocs.yml",
        "docs/b/c.md:1: page is not in the navigation: add it under nav: in mkdocs.yml",
    ]


def test_an_unexplained_build_failure_is_still_a_finding(site: Path) -> None:
    finding = build._unexplained_failure(RuntimeError("boom"))
    assert finding.text() == "mkdocs.yml:1: the build failed: RuntimeError: boom"
    assert finding.weak == ANY


def test_merge_keeps_one_message_per_line_and_drops_weak_echoes() -> None:
    merged = merge(
        [
            Mistake("data/a.yml", 3, "data says", "data"),
            Mistake("data/a.yml", 3, "yamllint says", "yaml"),
            Mistake("data/a.yml", 5, "syntax, seen again", "yaml", SAME_FILE),
            Mistake("docs/b.md", 1, "file-level note", "links", SAME_FILE),
            Mistake("mkdocs.yml", 1, "the build failed", "build", ANY),
        ]
    )
    assert [f.text() for f in merged] == [
        "data/a.yml:3: data says",
        "docs/b.md:1: file-level note",
    ]


def test_an_unexplained_failure_alone_is_kept() -> None:
    alone = Mistake("mkdocs.yml", 1, "the build failed", "build", ANY)
    assert merge([alone]) == [alone]


def test_github_format_escapes_what_would_break_the_command() -> None:
    finding = Mistake("docs/a,b.md", 7, "100% broken\nreally", "build")
    assert as_github([finding]) == ["::error file=docs/a%2Cb.md,line=7::100%25 broken%0Areally"]


def test_step_selection() -> None:
    assert "python" not in check.chosen_steps(None, None)
    assert check.chosen_steps("python,data", None) == ["data", "python"]
    assert check.chosen_steps(None, "build,links")[:2] == ["data", "pages"]
    with pytest.raises(ValueError, match="unknown step 'bild'"):
        check.chosen_steps("bild", None)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("About 50% of people respond.", "figure '50%' typed by hand"),
        ("A dose of 0.5 mg/kg is common.", "figure '0.5 mg/kg' typed by hand"),
        ('<img src="../assets/a.png">', "image has no alt text"),
        ('<script src="//cdn.example.com/a.js"></script>', "script loaded from another host"),
        ("<script>start()</script>", "script tag in a page"),
        ("![A chart](https://example.org/c.png)", "loads a file from another host"),
    ],
)
def test_page_rules_flag(line: str, problem: str) -> None:
    (finding,) = rules.lint_page(f"---\ntitle: x\n---\n\n{line}\n", "docs/x.md")
    assert finding.line == 5 and problem in finding.message


@pytest.mark.parametrize(
    "line",
    [
        'About {{ fact("trd_response") }} respond.',
        "1. The first step.",
        "Run `python3 -m venv .venv` first.",
        "[[# a note with 50% in it #]]",
        '<img src="a.png" alt="A chart">',
        "## Dosing {#dosing}",
        "See [the label](https://example.org/2019/label).",
    ],
)
def test_page_rules_leave_alone(line: str) -> None:
    assert (
        rules.lint_page(f"---\ntitle: x\nreviewed: 2026-11-24\n---\n\n{line}\n", "docs/x.md") == []
    )


def test_code_blocks_and_comments_are_not_prose() -> None:
    text = "# T\n\n```text\n50%\n```\n\n<!--\n60%\n-->\n"
    assert rules.lint_page(text, "docs/x.md") == []


def test_duplicate_heading_ids() -> None:
    text = "# T\n\n## Dosing\n\n## Dose notes {#dosing}\n\n## Other {#other}\n"
    (finding,) = rules.lint_page(text, "docs/x.md")
    assert finding.line == 5
    assert "heading id '#dosing' is already used on line 3" in finding.message


def test_tool_output_parsers(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    markdown = tools.PYMARKDOWN_RE.match(
        "docs/a.md:3:10: MD009: Trailing spaces [Expected: 0; Actual: 1] (no-trailing-spaces)"
    )
    finding = tools._markdown_finding(markdown, tmp_path)
    assert finding.text() == (
        "docs/a.md:3: Trailing spaces [Expected: 0; Actual: 1]: "
        "delete the spaces at the end of the line [MD009]"
    )
    spelling = tools.CODESPELL_RE.match("docs/a.md:4: ketamin ==> ketamine")
    assert tools._spelling_finding(spelling, tmp_path).message.startswith(
        "spelling: 'ketamin' should be 'ketamine'"
    )


def test_make_check_passes_on_the_repository_and_prints_nothing_on_stdout() -> None:
    """The real site is clean; this is the editor's starting point."""
    result = subprocess.run(
        [sys.executable, "scripts/check.py", "--skip", "build,links"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    assert result.stderr.startswith("check: no problems")


def test_lints_pass_on_the_repository() -> None:
    """`make lint` (part of `make test`), including the Python lint."""
    result = subprocess.run(
        [sys.executable, "scripts/check.py", "--only", "pages,markdown,yaml,spelling,python"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_a_step_that_stops_early_is_one_finding_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(root: Path) -> list[Mistake]:
        raise RecursionError("maximum recursion depth exceeded")

    broken.__module__ = "scripts.pages.rules"
    monkeypatch.setitem(check.LINTS, "pages", broken)
    findings, _ = check.run_checks(REPO, ["data", "pages", "yaml"], tmp_path)
    assert [f.path for f in findings] == ["scripts/pages/rules.py"]
    assert "this check stopped early (RecursionError: maximum recursion" in findings[0].message


def test_the_link_step_starts_once_no_other_thread_of_the_check_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a large site the link checker forks workers; a fork of a process with other threads
    can deadlock the child (Python 3.12 warns), so the lints' threads must have ended."""
    before = threading.active_count()
    lint_done = threading.Event()
    seen: list[tuple[int, bool]] = []

    def slow_lint(root: Path) -> list[Mistake]:
        time.sleep(0.5)  # still running when the build ends
        lint_done.set()
        return []

    def fake_build(root: Path, site_dir: Path) -> tuple[bool, list[Mistake]]:
        (site_dir / "index.html").write_text("<p>home</p>", encoding="utf-8")
        return True, []

    def fake_links(root: Path, site_dir: Path) -> list[Mistake]:
        seen.append((threading.active_count(), lint_done.is_set()))
        return []

    monkeypatch.setitem(check.LINTS, "markdown", slow_lint)
    monkeypatch.setattr(check.build, "build", fake_build)
    monkeypatch.setattr(check.links, "check", fake_links)
    findings, timings = check.run_checks(REPO, ["build", "links", "markdown"], tmp_path)
    assert findings == []
    assert seen == [(before, True)]
    assert set(timings) == {"build", "links", "markdown"}

"""The pull-request preview: changed files map to the pages they reach, the screenshots are
real, and the job summary shows what the pull request changed without live markup."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.prpreview.pages import MACRO_DATA, built_path, changed_pages
from scripts.prpreview.summary import block, code, render, text
from scripts.render.api import PUBLIC_MACROS
from tests.support.repo import REPO

PAGES = {
    "index.md": '---\nsources: [nice-ta854]\n---\n# Home\n\nAbout {{ fact("trd_response") }}.\n',
    "side-effects.md": '# Side effects\n\n{{ table("risks") }}\n',
    "how.md": '# How\n\n{{ chart("session_length") }}\n',
    "help.md": "# Help\n\n{{ crisis_help(brief=True) }}\n",
    "plain.md": "# Plain\n\nNo macro here.\n",
    "any-fact.md": "# Any fact\n\n{% set name = 'x' %}{{ fact(name) }}\n",
    "broken.md": '# Broken\n\n{{ table("risks" }}\n',
    "guide/index.md": "# Guide\n\nText.\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with the real mkdocs.yml and pages that call known macros."""
    root = tmp_path_factory.mktemp("preview-project")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name, body in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(body, encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "facts.yml").write_text(
        "facts:\n  - id: trd_response\n    from: conditions.trd.success_rate\n"
        "  - id: doses\n    value: 2\n    unit: doses\n    source: nice-ta854\n",
        encoding="utf-8",
    )
    return root


def reached(project: Path, *changed: str) -> set[str]:
    return {page.source for page in changed_pages(project, changed).pages}


EVERY_PAGE = set(PAGES)
BROKEN = {"broken.md"}  # does not parse, so any data change may reach it


@pytest.mark.parametrize(
    "changed, pages",
    [
        ("docs/plain.md", {"plain.md"}),
        ("docs/guide/index.md", {"guide/index.md"}),
        # A fact taken `from` a table row reaches the page that shows the fact.
        ("data/conditions.yml", {"index.md", "any-fact.md"} | BROKEN),
        ("data/risks.yml", {"side-effects.md"} | BROKEN),
        ("data/methods.yml", {"how.md"} | BROKEN),
        ("data/crisis_lines.yml", {"help.md"} | BROKEN),
        ("data/facts.yml", {"index.md", "any-fact.md"} | BROKEN),
        (
            "data/sources.yml",
            {"index.md", "side-effects.md", "how.md", "help.md", "any-fact.md"} | BROKEN,
        ),
        # Every page ends with the glossary's abbreviations.
        ("data/glossary.yml", EVERY_PAGE),
        # A data file the project does not know yet, and files that shape every page.
        ("data/new.yml", EVERY_PAGE),
        ("overrides/main.html", EVERY_PAGE),
        ("mkdocs.yml", EVERY_PAGE),
        ("docs/assets/site.css", EVERY_PAGE),
    ],
)
def test_changed_files_map_to_the_pages_they_reach(project: Path, changed: str, pages: set) -> None:
    assert reached(project, changed) == pages


def test_removed_pages_and_files_no_page_shows_are_listed_apart(project: Path) -> None:
    changes = changed_pages(project, ["docs/gone.md", "README.md", "tests/x.py", "docs/plain.md"])
    assert [page.source for page in changes.pages] == ["plain.md"]
    assert changes.removed == ("docs/gone.md",)
    assert changes.unmapped == ("README.md", "tests/x.py")
    assert changes.pages[0].changed_by == ("docs/plain.md",)


def test_one_page_lists_every_change_that_reaches_it(project: Path) -> None:
    changes = changed_pages(project, ["docs/how.md", "data/methods.yml", "data/glossary.yml"])
    how = next(page for page in changes.pages if page.source == "how.md")
    assert how.changed_by == ("data/glossary.yml", "data/methods.yml", "docs/how.md")


def test_an_unreadable_facts_file_lets_a_fact_reach_any_table(
    tmp_path: Path, project: Path
) -> None:
    broken = tmp_path / "project"
    shutil.copytree(project, broken)
    (broken / "data" / "facts.yml").write_text("facts:\n  - id: [unclosed\n", encoding="utf-8")
    assert "index.md" in reached(broken, "data/risks.yml")
    assert "index.md" not in reached(project, "data/risks.yml")


def test_pages_land_where_mkdocs_writes_them() -> None:
    assert built_path("index.md") == ("/", "index.html")
    assert built_path("benefits.md") == ("/benefits/", "benefits/index.html")
    assert built_path("guide/index.md") == ("/guide/", "guide/index.html")
    assert built_path("guide/a.md", directory_urls=False) == ("/guide/a.html", "guide/a.html")


def test_every_public_macro_says_which_data_it_reads() -> None:
    # A new macro must be added to MACRO_DATA, or its pages would never be previewed.
    assert set(MACRO_DATA) == set(PUBLIC_MACROS)


def test_the_real_site_maps_a_table_file_to_the_page_showing_the_table() -> None:
    pages = {page.url for page in changed_pages(REPO, ["data/methods.yml"]).pages}
    assert "/how-its-given/" in pages
    assert len(pages) < len(changed_pages(REPO, ["mkdocs.yml"]).pages)


def test_the_summary_shows_pull_request_text_inert() -> None:
    hostile = "Risks <img src=x onerror=alert(1)> | [click](https://example.invalid) `x` *b*"
    assert "<" not in text(hostile) and "|" not in text(hostile) and "[" not in text(hostile)
    assert code("a `b` c") == "``a `b` c``"
    assert block("x\n```\ny").startswith("````text\n")
    assert block("x\n```\ny").endswith("\n````")


def test_the_summary_lists_pages_shots_and_check_findings(tmp_path: Path, project: Path) -> None:
    site = tmp_path / "site"
    (site / "how").mkdir(parents=True)
    (site / "how" / "index.html").write_text(
        '<article><h1>How <b>it</b> | works<a class="headerlink" href="#x">¶</a></h1></article>',
        encoding="utf-8",
    )
    changes = changed_pages(project, ["docs/how.md", "docs/gone.md", "README.md"])
    out = tmp_path / "preview"
    shots = [out / "desktop" / "how.png", out / "phone" / "how.png"]
    report = "docs/how.md:3: table 'risks' shown twice\n"
    summary = render(changes, site, shots, out, report, 1)
    assert "| How it &#124; works | `/how/` | `docs/how.md` | " in summary
    assert "`preview/desktop/how.png`, `preview/phone/how.png`" in summary
    assert "exit code 1" in summary and "docs/how.md:3: table 'risks' shown twice" in summary
    assert "Pages removed: `docs/gone.md`" in summary
    assert "no page shows: `README.md`" in summary
    assert "found no problems" in render(changes, site, shots, out, "", 0)


def test_changed_files_come_from_git_since_the_merge_base(tmp_path: Path) -> None:
    from scripts.pr_preview import PreviewError, changed_files

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "editor@example.invalid")
    git("config", "user.name", "Editor")
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "docs" / name).write_text("# Page\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "change")
    (tmp_path / "docs" / "a.md").write_text("# Changed\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").unlink()
    git("commit", "-qam", "change")
    assert sorted(changed_files(tmp_path, "main")) == ["docs/a.md", "docs/b.md"]
    with pytest.raises(PreviewError, match="fetch-depth: 0"):
        changed_files(tmp_path, "no-such-branch")


def preview(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "pr_preview.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_no_built_site_is_a_clear_error_in_the_log_and_the_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = preview(
        "--changed", "docs/benefits.md", "--site", str(tmp_path / "none"),
        "--out", str(tmp_path / "out"), "--summary", str(summary),
    )  # fmt: skip
    assert result.returncode == 1
    assert "no built site in" in result.stderr and "Traceback" not in result.stderr
    assert "No preview: no built site in" in summary.read_text(encoding="utf-8")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_a_real_run_screenshots_the_changed_pages(built_site: Path, tmp_path: Path) -> None:
    out, summary = tmp_path / "preview", tmp_path / "summary.md"
    report = tmp_path / "check.txt"
    report.write_text("", encoding="utf-8")
    result = preview(
        "--changed", "docs/benefits.md", "README.md", "--site", str(built_site),
        "--out", str(out), "--check-report", str(report), "--check-status", "0",
        "--summary", str(summary),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    desktop, phone = (
        png_size(out / "desktop" / "benefits.png"),
        png_size(out / "phone" / "benefits.png"),
    )
    assert desktop[0] == 1280 and phone[0] == 390
    # Whole pages, not just the first screen.
    assert desktop[1] > 800 and phone[1] > 844
    written = summary.read_text(encoding="utf-8")
    assert "| `/benefits/` | `docs/benefits.md` | `preview/desktop/benefits.png`" in written
    assert "found no problems" in written
    assert (out / "summary.md").read_text(encoding="utf-8") == written
    assert sorted(p.name for p in out.rglob("*.png")) == ["benefits.png", "benefits.png"]

"""scripts/finish_site.py: the pass Zensical's site needs after its build (it runs no hooks).

Run over the MkDocs build with its policies and feed taken out, it must give back what the
MkDocs hook wrote, byte for byte: the two engines' sites then carry the same policy and feed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.output.csp import inline_scripts, script_hash
from tests.output.test_csp import policy_of
from tests.support.repo import REPO, copy_repo

POLICY = re.compile(r'\n<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def finish(site: Path, project: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts/finish_site.py"),
            str(site),
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def html_files(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture
def bare_site(built_site: Path, tmp_path: Path) -> Path:
    """The MkDocs build as an engine without the hook would leave it: no policy, no feed."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        path.write_text(POLICY.sub("", html, count=1), encoding="utf-8")
    (site / "feed.xml").unlink()
    return site


def test_finishing_a_bare_site_gives_what_the_mkdocs_hook_wrote(
    built_site: Path, bare_site: Path
) -> None:
    assert "Content-Security-Policy" not in html_files(bare_site)["index.html"]
    result = finish(bare_site)
    assert result.returncode == 0, result.stderr
    assert "wrote feed.xml" in result.stdout
    assert html_files(bare_site) == html_files(built_site)
    assert (bare_site / "feed.xml").read_bytes() == (built_site / "feed.xml").read_bytes()


def test_finishing_twice_changes_nothing(bare_site: Path) -> None:
    assert finish(bare_site).returncode == 0
    once = html_files(bare_site)
    assert finish(bare_site).returncode == 0
    assert html_files(bare_site) == once
    for name, html in once.items():
        policy_of(html)  # exactly one policy on every page
        assert all(script_hash(t) in policy_of(html)["script-src"] for t in inline_scripts(html)), (
            name
        )


def test_a_script_an_editor_typed_into_a_page_is_not_allowed(
    tmp_path: Path, bare_site: Path
) -> None:
    project = copy_repo(tmp_path / "repo")
    page = project / "docs/about.md"
    text = page.read_text(encoding="utf-8") + "\n<script>window.x = 1</script>\n"
    page.write_text(text, encoding="utf-8")
    about = bare_site / "about/index.html"
    html = about.read_text(encoding="utf-8")
    html = html.replace("</article>", "<script>window.x = 1</script></article>", 1)
    about.write_text(html, encoding="utf-8")
    assert finish(bare_site, project).returncode == 0
    finished = about.read_text(encoding="utf-8")
    assert "window.x = 1" in inline_scripts(finished), "the test page lost its script"
    sources = policy_of(finished)["script-src"]
    assert script_hash("window.x = 1") not in sources
    assert len(sources) > 1, "the theme's own scripts are still allowed"


def test_a_folder_without_a_site_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = finish(tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr == f"finish_site.py: error: {tmp_path}: no built site here (no index.html)\n"
    )


def test_a_page_without_head_is_named(bare_site: Path) -> None:
    (bare_site / "broken.html").write_text("<p>no head</p>", encoding="utf-8")
    result = finish(bare_site)
    assert result.returncode == 1
    assert "broken.html: no <head> element" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_changes_file_is_named_not_a_traceback(tmp_path: Path, bare_site: Path) -> None:
    project = copy_repo(tmp_path / "repo")
    (project / "data/changes.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    result = finish(bare_site, project)
    assert result.returncode == 1
    assert "data/changes.yml" in result.stderr
    assert "Traceback" not in result.stderr

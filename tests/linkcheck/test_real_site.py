"""The checker on this site: no false alarm on Material's output, and a broken link injected
into a copy of the Markdown is found and traced to its file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.check_links import main, project_defaults
from scripts.linkcheck import Options, check_site
from tests.support.repo import REPO, copy_repo, mkdocs_build

LINK_REASONS = {
    "missing-page",
    "missing-anchor",
    "outside-site",
    "markdown-link",
    "empty-link",
    "redirect-loop",
    "invalid-utf8",
    "bad-symlink",
    "unreadable-file",
}
CITE_RE = re.compile(r"""\{\{\s*cite\(\s*["']([^"']+)["']""")


def test_built_site_has_no_broken_links(built_site: Path) -> None:
    """Material's own markup (assets, navigation, search, canonical links) all resolves."""
    defaults = project_defaults(REPO)
    report = check_site(
        Options(site=built_site, base_url=defaults.get("base_url", "/"), docs=REPO / "docs", jobs=1)
    )
    assert report.pages >= 2
    assert [f for f in report.findings if f.reason in LINK_REASONS] == []


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A copy of the repository whose home page gains two broken raw-HTML links."""
    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    home = repo / "docs/index.md"
    text = home.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    line = text.count("\n") + 2  # after a blank line
    home.write_text(
        text + '\n<a href="no-such-page/">a page that was never written</a>\n\n'
        '<a href="#no-such-section">a section that is not there</a>\n',
        encoding="utf-8",
    )
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    return repo, line


def test_injected_links_are_traced_to_the_markdown_line(
    broken_copy: tuple[Path, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo, line = broken_copy
    monkeypatch.chdir(repo)
    assert main(["site"]) == 1
    out = capsys.readouterr().out.splitlines()
    prefix = project_defaults(repo)["base_url"].split("/", 3)[-1]
    assert f"docs/index.md:{line}: missing page /{prefix}no-such-page/" in out
    assert f"docs/index.md:{line + 2}: missing anchor #no-such-section on /{prefix}" in out


def test_a_citation_macro_is_traced_by_its_anchor(
    broken_copy: tuple[Path, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Remove one source's anchor from the built sources page: every `cite()` of it is a
    missing anchor, reported on the line of the macro call."""
    repo, _ = broken_copy
    cites = [
        (page, number, match.group(1))
        for page in sorted((repo / "docs").glob("*.md"))
        for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        for match in CITE_RE.finditer(text)
    ]
    assert cites, "some page cites a source"
    page, number, source_id = cites[0]
    sources = next((repo / "site").glob("sources/index.html"))
    html = sources.read_text(encoding="utf-8")
    assert f'id="{source_id}"' in html
    sources.write_text(html.replace(f'id="{source_id}"', 'id="renamed-source"'), encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["site", "--format", "json"]) == 1
    # page_sources() lists the same source with no argument to trace, so some findings
    # for this anchor carry no source line; the cite() call's finding must.
    found = {
        (f.get("source"), f.get("line"))
        for f in json.loads(capsys.readouterr().out)
        if f["reason"] == "missing-anchor" and f["href"].endswith(f"#{source_id}")
    }
    assert (f"docs/{page.name}", number) in found

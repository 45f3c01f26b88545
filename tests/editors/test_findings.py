"""make check keeps one message per mistake: consequences of a named cause are dropped."""

from __future__ import annotations

from pathlib import Path

from scripts.editor_check import links
from scripts.editor_check.findings import Finding, merge, parse_file_line


def test_links_to_a_page_whose_absence_is_explained_are_dropped() -> None:
    message = 'topic "dosage" page dosge.md is not in the built site'
    cause = links._with_cause(Finding("data/xrefs.yml", 24, message, "links"))
    assert cause.covers == "dosge.md"
    consequences = [
        Finding("docs/a.md", 1, "broken link: 'dosge.md' is not a page or file in docs/", "build"),
        Finding("docs/b.md", 9, "link to a Markdown file: ../dosge.md (link to the page)", "links"),
        Finding("docs/c.md", 1, 'no link to topic "dosage" (/dosge/) in the page content', "links"),
    ]
    unrelated = Finding("docs/d.md", 3, "broken link: 'other.md' is not a page", "build")
    config = Finding("mkdocs.yml", 5, "redirect to 'dosge.md', which is not a page", "build")
    assert merge([cause, *consequences, unrelated, config]) == [cause, unrelated, config]


def test_findings_outside_the_repository_are_not_reported(tmp_path: Path) -> None:
    """A failed build leaves findings on the temporary site that map to no source."""
    root, site = tmp_path / "repo", tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "a.md").write_text("x\n", encoding="utf-8")
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>\n", encoding="utf-8")
    output = f"{site}/index.html:1: link to a Markdown file: a.md\ndocs/a.md:2: bad\n"
    found = parse_file_line(output, root, "links")
    assert [(f.path, f.line) for f in found] == [("docs/a.md", 2)]

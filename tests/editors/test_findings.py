"""make check keeps one message per mistake: consequences of a named cause are dropped."""

from __future__ import annotations

from pathlib import Path

from scripts.editor_check import links
from scripts.editor_check.links import RULES
from scripts.editor_check.mistakes import Mistake, merge
from scripts.linkcheck import Finding as LinkFinding


def test_links_to_a_page_whose_absence_is_explained_are_dropped() -> None:
    message = 'topic "dosage" page dosge.md is not in the built site'
    topic = LinkFinding("dosge/index.html", "missing-topic", message, source=RULES, line=24)
    cause = links._finding(topic, Path("/repo"), Path("/tmp/site"))
    assert cause is not None and cause.covers == "dosge.md"
    consequences = [
        Mistake("docs/a.md", 1, "broken link: 'dosge.md' is not a page or file in docs/", "build"),
        Mistake("docs/b.md", 9, "link to a Markdown file: ../dosge.md (link to the page)", "links"),
        Mistake("docs/c.md", 1, 'no link to topic "dosage" (/dosge/) in the page content', "links"),
    ]
    unrelated = Mistake("docs/d.md", 3, "broken link: 'other.md' is not a page", "build")
    config = Mistake("mkdocs.yml", 5, "redirect to 'dosge.md', which is not a page", "build")
    assert merge([cause, *consequences, unrelated, config]) == [cause, unrelated, config]


def test_findings_outside_the_repository_are_not_reported(tmp_path: Path) -> None:
    """A failed build leaves findings on the temporary site that map to no source."""
    root, site = tmp_path / "repo", tmp_path / "site"
    on_site = LinkFinding("index.html", "markdown-link", "link to a Markdown file: a.md")
    traced = LinkFinding("a/index.html", "missing-anchor", "bad", source="docs/a.md", line=2)
    found = [links._finding(link, root, site) for link in (on_site, traced)]
    assert found[0] is None
    assert found[1] is not None and (found[1].path, found[1].line) == ("docs/a.md", 2)

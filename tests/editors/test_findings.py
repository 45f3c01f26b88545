"""make check keeps one message per mistake: consequences of a named cause are dropped."""

from __future__ import annotations

from pathlib import Path

from scripts.editor_check import build, links
from scripts.editor_check.links import RULES
from scripts.editor_check.mistakes import ANY, Mistake, merge
from scripts.linkcheck import Finding as LinkFinding
from tests.support.repo import REPO


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


def test_link_findings_only_built_pages_hold_are_summed_up_in_one(tmp_path: Path) -> None:
    """Links the theme writes come from no file here: one message that gives way to others."""
    site, tmp_path = tmp_path / "site", tmp_path / "repo"
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "xrefs.yml").write_text(
        "xrefs:\n  topics: []\n  required_links: []\n", encoding="utf-8"
    )
    site.mkdir()
    (site / "index.html").write_text('<a href="gone/">gone</a>', encoding="utf-8")
    (only,) = links.check(tmp_path, site)
    assert (only.path, only.weak) == ("scripts/check_links.py", ANY)
    assert "first on index.html: missing page /gone/" in only.message


def test_a_malformed_url_in_a_page_does_not_hide_the_other_link_findings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        '# Home\n\n<a href="http://[::1/docs">local</a>\n\n[gone](gone/)\n', encoding="utf-8"
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "xrefs.yml").write_text(
        "xrefs:\n  topics: []\n  required_links: []\n", encoding="utf-8"
    )
    (tmp_path / "scripts").symlink_to(REPO / "scripts")
    site.mkdir()
    (site / "index.html").write_text(
        '<a href="http://[::1/docs">local</a> <a href="gone/">gone</a>', encoding="utf-8"
    )
    found = links.check(tmp_path, site)
    assert sorted((f.path, f.line, f.message.split(":")[0]) for f in found) == [
        ("docs/index.md", 3, "malformed URL http"),
        ("docs/index.md", 5, "missing page /gone/"),
    ]


def test_a_link_mkdocs_cannot_parse_is_named_at_its_line_not_as_a_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    page = "# Home\n\nSee [the NHS](https://www.nhs.uk/).\n\nSee [the site](http://a]b/).\n"
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    log = "Error reading page 'index.md': Invalid IPv6 URL"
    (finding,) = build.findings_from_records([("ERROR", log)], tmp_path)
    assert (finding.path, finding.line) == ("docs/index.md", 5)
    assert finding.message == (
        "found the address http://a]b/, which a browser cannot open: the host contains ']', "
        "which no host name may, expected a whole address, copied from the browser's address bar"
    )

"""make check keeps one message per mistake: consequences of a named cause are dropped."""

from __future__ import annotations

from pathlib import Path

from scripts.editor_check import build, links
from scripts.editor_check.findings import ANY, SAME_FILE, STRONG, Finding, merge, parse_file_line
from tests.support.repo import REPO


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


def test_link_findings_are_read_from_the_checkers_json(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a: b.md").write_text("x\n", encoding="utf-8")
    reported = [
        # A file name with ": " and a message with a newline: JSON keeps them apart.
        {"page": "a: b/index.html", "source": "docs/a: b.md", "line": 3, "message": "bad\nx"},
        {"page": "c/index.html", "source": "docs/a: b.md", "message": "orphan"},
        {"page": "theme.html", "message": "missing page /x/"},
    ]
    found = links.findings(reported, tmp_path)
    assert [(f.path, f.line, f.message, f.weak) for f in found] == [
        ("docs/a: b.md", 3, "bad\nx", STRONG),
        ("docs/a: b.md", 1, "orphan", SAME_FILE),
    ]
    (only,) = links.findings(reported[2:], tmp_path)
    assert only.weak == ANY and "first on theme.html: missing page /x/" in only.message


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
    log = (
        "ERROR   -  Error reading page 'index.md': Invalid IPv6 URL\n"
        "Traceback (most recent call last):\n"
        '  File "mkdocs/structure/pages.py", line 420, in path_to_url\n'
        "ValueError: Invalid IPv6 URL\n"
    )
    (finding,) = build.parse_log(log, tmp_path)
    assert (finding.path, finding.line) == ("docs/index.md", 5)
    assert finding.message == (
        "a browser cannot open the address http://a]b/: the host contains ']', "
        "which no host name may"
    )

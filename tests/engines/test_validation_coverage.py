"""The validation settings Zensical ignores are still enforced: by the strict MkDocs build
that `make check` (and `make build`, and `make zensical`) runs.

Zensical (0.0.73) maps only links.not_found and links.anchors from mkdocs.yml's
`validation:`; it checks no navigation and no absolute or unrecognized links. This test
makes one slip for each of the others in a copy of the site and expects `make check`'s
build step to name each one.
"""

from __future__ import annotations

from pathlib import Path

from scripts.config import config_or_empty
from scripts.editor_check.build import build
from tests.support.repo import REPO, copy_repo

# The settings Zensical reads from `validation:` (zensical/config.py, _apply_defaults).
ZENSICAL_HONOURS = {"links.not_found", "links.anchors"}
SLIPS = {
    "nav.omitted_files": "page is not in the navigation",
    "nav.not_found": "the navigation lists 'missing-page.md'",
    "nav.absolute_links": "An absolute path to '/absolute-in-nav/' is included in the 'nav'",
    "links.absolute_links": "absolute link '/how-its-given/'",
    "links.unrecognized_links": "link 'how-it-works/' does not name a page",
}


def ignored_by_zensical() -> set[str]:
    validation = config_or_empty(REPO)["validation"]
    settings = {f"{group}.{key}" for group, keys in validation.items() for key in keys}
    return settings - ZENSICAL_HONOURS


def test_each_setting_zensical_ignores_has_a_slip_here() -> None:
    assert ignored_by_zensical() == set(SLIPS)


def test_make_check_reports_every_slip_zensical_would_let_through(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "      - About this guide: about.md\n",
        "      - About this guide: about.md\n"
        "      - Missing: missing-page.md\n"
        "      - Elsewhere: /absolute-in-nav/\n",
    )
    config.write_text(text, encoding="utf-8")
    about = (repo / "docs/about.md").read_text(encoding="utf-8")
    (repo / "docs/not-in-nav.md").write_text(about, encoding="utf-8")
    with (repo / "docs/how-it-works.md").open("a", encoding="utf-8") as page:
        page.write("\nRead [how it is given](/how-its-given/) and [more](how-it-works/).\n")
    ok, findings = build(repo, tmp_path / "site")
    messages = "\n".join(finding.message for finding in findings)
    assert not ok
    for setting, expected in SLIPS.items():
        assert expected in messages, f"{setting}: {expected!r} not in\n{messages}"

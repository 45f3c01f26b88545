"""The Content-Security-Policy: how it is computed, and that every built file carries it."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.output.csp import PolicyError, add_policy, inline_scripts, script_hash
from tests.support.repo import copy_repo, mkdocs_build

PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title>'
    "<script>var theme = 1;</script>"
    '<script type="application/ld+json">{"a": 1}</script>'
    '<script src="assets/app.js"></script></head>'
    "<body><script>\r\nvar editor = 2;\n</script></body></html>"
)


def policy_of(html: str) -> dict[str, list[str]]:
    """The page's policy as directive -> sources; fails unless there is exactly one."""
    metas = LexborHTMLParser(html).css('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, f"expected one policy meta, found {len(metas)}"
    directives = {}
    for part in metas[0].attributes["content"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_policy_comes_right_after_the_charset_and_before_every_script() -> None:
    html = add_policy(PAGE)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_each_inline_script_is_hashed_as_the_browser_reads_it() -> None:
    """Data blocks and external scripts need no hash; CR LF is read as LF, as browsers do."""
    assert inline_scripts(PAGE) == ["var theme = 1;", "\nvar editor = 2;\n"]
    sources = policy_of(add_policy(PAGE))["script-src"]
    assert sources == ["'self'", *sorted(script_hash(t) for t in inline_scripts(PAGE))]
    # The SHA-256 of "var theme = 1;", computed independently.
    assert "'sha256-JX8fpIgcDfj4RvET9VbJ24hNIN7vGIDP1JZnnMovf+c='" in sources


def test_a_script_written_by_an_editor_is_never_allowed() -> None:
    sources = policy_of(add_policy(PAGE, untrusted_text="<p>x</p>\nvar editor = 2;\n"))
    assert sources["script-src"] == ["'self'", script_hash("var theme = 1;")]


def test_policy_allows_nothing_from_other_hosts() -> None:
    directives = policy_of(add_policy(PAGE))
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == directives["frame-src"] == ["'none'"]
    for name in ("style-src", "font-src", "connect-src", "worker-src"):
        assert directives[name] == ["'self'"], name
    assert directives["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]


def test_a_page_without_head_is_refused() -> None:
    with pytest.raises(PolicyError, match="no <head>"):
        add_policy("<p>no head</p>")


def test_every_built_html_file_carries_the_policy_for_its_own_scripts(built_site: Path) -> None:
    """Pages, 404.html and the redirect pages: one policy, first, hashing each inline script."""
    files = sorted(built_site.rglob("*.html"))
    assert (built_site / "404.html") in files
    assert (built_site / "ketamine-infusion-near-me/index.html") in files
    for path in files:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(built_site)
        sources = policy_of(html)["script-src"]
        assert html.index("Content-Security-Policy") < html.index("<script"), name
        for text in inline_scripts(html):
            assert script_hash(text) in sources, f"{name}: inline script not allowed: {text[:60]}"


def test_a_script_typed_into_a_page_gets_no_hash(tmp_path: Path) -> None:
    """Markup that slips into a page's content stays blocked in the browser."""
    repo = copy_repo(tmp_path / "repo")
    page = repo / "docs/about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<script>window.fromContent = 1</script>\n", encoding="utf-8")
    result = mkdocs_build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/about/index.html").read_text(encoding="utf-8")
    assert "window.fromContent = 1" in inline_scripts(html), "the test page lost its script"
    sources = policy_of(html)["script-src"]
    assert script_hash("window.fromContent = 1") not in sources
    assert len(sources) > 1, "the theme's own scripts should still be allowed"

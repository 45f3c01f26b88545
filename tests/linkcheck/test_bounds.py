"""Pages that would take the parser unreasonably long are found by a cheap scan, not parsed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scripts.linkcheck import Options, bounds, check_site
from scripts.linkcheck.bounds import MAX_ATTRIBUTES, MAX_DEPTH, SMALL_PAGE, too_complex

DEEP = MAX_DEPTH + 10
MANY = MAX_ATTRIBUTES + 10
FILLER = "<p>" + "Plain words of an ordinary paragraph. " * 40 + "</p>\n"


def _big(html: str) -> bytes:
    """`html` padded with ordinary paragraphs past the size below which nothing is scanned."""
    padding = FILLER * (SMALL_PAGE // len(FILLER) + 1)
    return (padding + html).encode()


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("<div>" * DEEP, "nest more than"),
        ("<div/>" * DEEP, "nest more than"),  # "/>" does not close an HTML element
        ("<span>" * DEEP + "<p>x</p>", "nest more than"),
        ("<title-x>" + "<section>" * DEEP, "nest more than"),  # not <title>: not raw text
        ('<a title="<script>">' + "<div>" * DEEP, "nest more than"),  # a tag in a value
        ("<svg>" + "<g>" * DEEP, "nest more than"),
        ("<a " + " ".join(f"a{n}" for n in range(MANY)) + ">", "more than"),
        ("<a " + "/".join(f"a{n}" for n in range(MANY)) + ">", "more than"),
        ("<a " + " ".join(f'a{n}=">"' for n in range(MANY)) + ">", "more than"),
        ("<img " + "".join(f"a{n}='1'" for n in range(MANY)) + ">", "more than"),
    ],
)
def test_pathological_pages_are_named(html: str, why: str) -> None:
    problem = too_complex(_big(html))
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    "html",
    [
        # Ordinary pages, however long: sibling after sibling, icons, long text.
        "<div><p>x</p></div>" * 5000,
        "<ul>" + "<li><p>item" * 5000 + "</ul>",  # closed by the next of their kind
        "<table>" + "<tr><td>1<td>2" * 5000 + "</table>",
        '<svg><path d="M0 0"/><circle r="1"/></svg>' * 3000,  # "/>" closes SVG elements
        "<svg>" + '<circle r="1"/>' * (DEEP * 2) + "</svg>",
        '<img alt="' + "word " * (MANY * 3) + '">',  # spaces in a value are not attributes
        "<script>" + "if (a<b) { x = '<div>'; }\n" * DEEP + "</script>",
        "<!-- " + "<div>" * DEEP + " -->",
        "<pre><code>" + "&lt;div&gt;\n" * DEEP + "</code></pre>",
        "<div>" * 100 + "</div>" * 100 + "<div>" * 100,
        "<div>" * 50 + "<br>" * DEEP + "<img src=x.png>" * DEEP,
    ],
)
def test_ordinary_large_pages_pass(html: str) -> None:
    assert too_complex(_big(html)) is None


def test_small_pages_are_never_scanned() -> None:
    assert too_complex(("<div>" * (SMALL_PAGE // 5)).encode()) is None


def test_a_pathological_page_is_a_finding_and_the_rest_is_checked(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "deep").mkdir(parents=True)
    (site / "index.html").write_text('<a href="deep/">d</a> <a href="gone/">g</a>')
    (site / "deep/index.html").write_bytes(_big('<a href="../">h</a>' + "<div>" * DEEP))
    report = check_site(Options(site=site, jobs=1))
    found = {(f.page, f.reason) for f in report.findings}
    assert found == {("deep/index.html", "too-complex"), ("index.html", "missing-page")}


# The scan's tokens as one case-folded alternation reads them: the plain form of the pattern,
# kept here as the reference the faster one must match token for token.
_REFERENCE_RE = re.compile(
    rb"<!--.*?(?:-->|\Z)"
    rb"|<(script|style|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>])"
    rb"""(?:[^>"'=]++|=\s*+"[^"]*+"?+|=\s*+'[^']*+'?+|[="'])*+>?.*?(?:</\1|\Z)"""
    rb"|</([A-Za-z][^\s/>]*+)"
    rb"|<([A-Za-z][^\s/>]*+)" + bounds._ATTRS + rb"(/?)",
    re.DOTALL | re.IGNORECASE,
)
# Pieces of markup where a tokenizer can go wrong: case, raw text, quotes, comments, "/>".
_PIECES = [
    *("<", ">", "</", "/>", "/", "=", '"', "'", " ", "\n", "!--", "--", "-->", 'a="', "x='"),
    *("a", "div", "DiV", "svg", "script", "SCRIPT", "ScRiPt", "style", "title", "TITLE"),
    *("textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "s", "t", "x", "i", "n"),
    "é",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("<SCRIPT>if (a<b) {}</script><div>")  # raw text closed in another case
@example("<Title x='>'>t</TITLE ><p>")
@example('<a title="<script>"><div><!-- <div> --><XMP><div></xmp><div/>')
@settings(max_examples=600, deadline=None)
def test_the_scan_reads_tags_as_the_reference_pattern(text: str) -> None:
    html = text.encode()
    assert bounds._TOKEN_RE.findall(html) == _REFERENCE_RE.findall(html)


def test_real_pages_give_the_same_tokens(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_bytes()
        assert bounds._TOKEN_RE.findall(html) == _REFERENCE_RE.findall(html), page

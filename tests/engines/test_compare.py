"""bench/zensical/compare.py: how two builds of a page are compared, on small HTML fixtures.

No engine runs here: `make zensical` builds the real sites; these tests pin down what the
comparison counts as the same, as different, and as explained.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.zensical import compare
from scripts.output.csp import script_hash

PAGE = """<html><body><header><a href="/">Site</a> theme chrome</header>
<article class="md-content__inner">
<h1 id="benefits">Benefits<a class="headerlink" href="#benefits">¶</a></h1>
<p>About <abbr title="N-methyl-D-aspartate">NMDA</abbr> and
   <a class="kt-fig" href="{href}">30%</a>.</p>
<table><caption>Effects</caption>
<tr><th>Effect</th><th>Share</th></tr>
<tr><td>Nausea</td><td>{cell}</td></tr></table>
<svg role="img"><title>Onset</title><desc>Hours, not weeks</desc></svg>
</article><footer>Made with {engine}</footer></body></html>"""


def view(
    href: str = "../sources/#x", cell: str = "30%", engine: str = "Material"
) -> compare.PageView:
    html = PAGE.format(href=href, cell=cell, engine=engine)
    return compare.page_view(html, "/benefits/")


def test_a_page_view_holds_what_a_reader_meets_in_the_content() -> None:
    page = view()
    assert page.headings == (("h1", "benefits", "Benefits"),)
    assert page.tables == ((("Effects",), ("Effect", "Share"), ("Nausea", "30%")),)
    assert page.charts == (("Onset", "Hours, not weeks"),)
    assert page.tooltips == (("NMDA", "N-methyl-D-aspartate"),)
    assert page.links == ("/sources/#x",)
    assert "¶" not in page.text and "theme chrome" not in page.text
    assert page.text.startswith("Benefits About NMDA and 30%")


def test_the_theme_around_the_content_and_its_whitespace_do_not_count() -> None:
    mkdocs = view()
    zensical = compare.page_view(
        PAGE.format(href="../sources/#x", cell="30%", engine="Zensical").replace("\n", "\n\n  "),
        "/benefits/",
    )
    assert compare.compare_pages("benefits/index.html", mkdocs, zensical) == []


def test_two_spellings_of_the_same_target_are_the_same_link() -> None:
    assert view("../sources/#x").links == view("../sources/index.html#x").links
    assert compare.resolve_link("./#x", "/sources/") == "/sources/#x"
    assert compare.resolve_link("..", "/benefits/") == "/"
    assert compare.resolve_link("../a/b/../c/", "/benefits/") == "/a/c/"
    assert compare.resolve_link("", "/benefits/") == "/benefits/"
    assert compare.resolve_link("tel:999", "/") == "tel:999"
    assert compare.resolve_link("https://nice.org.uk/a", "/") == "https://nice.org.uk/a"


def test_a_rewritten_link_is_a_difference() -> None:
    """Zensical once rewrote ../sources/#x to ../../sources/#x: a link to /sources/ no more."""
    found = compare.compare_pages("benefits/index.html", view(), view("../../sources/#x"))
    assert [d.aspect for d in found] == ["links"]
    assert "/sources/#x" in found[0].detail and "'/../sources/#x'" in found[0].detail


def test_a_changed_table_cell_is_a_difference_in_text_and_tables() -> None:
    found = compare.compare_pages("benefits/index.html", view(), view(cell="3%"))
    assert [d.aspect for d in found] == ["text", "tables"]
    assert "'30%'" in found[1].detail and "'3%'" in found[1].detail


def test_a_missing_tooltip_chart_or_heading_is_a_difference() -> None:
    bare = PAGE.replace('<abbr title="N-methyl-D-aspartate">NMDA</abbr>', "NMDA")
    bare = bare.replace(
        '<svg role="img"><title>Onset</title><desc>Hours, not weeks</desc></svg>', ""
    )
    bare = bare.replace('<h1 id="benefits">', '<h1 id="other">')
    zensical = compare.page_view(
        bare.format(href="../sources/#x", cell="30%", engine=""), "/benefits/"
    )
    aspects = [d.aspect for d in compare.compare_pages("b.html", view(), zensical)]
    assert aspects == ["text", "headings", "charts", "tooltips"]


def test_files_only_one_build_has_are_named_with_the_build() -> None:
    found = compare.compare_files(["index.html", "sitemap.xml.gz"], ["index.html", "search.json"])
    assert [(d.page, d.detail) for d in found] == [
        ("search.json", "only in the Zensical build"),
        ("sitemap.xml.gz", "only in the MkDocs build"),
    ]


def test_both_search_index_formats_read_the_same() -> None:
    material = {
        "docs": [{"location": "benefits/#dose", "title": "Dose", "text": "<p>Low  dose</p>"}]
    }
    zensical = {
        "items": [{"location": "benefits/#dose", "level": 2, "title": "Dose", "text": "Low dose"}]
    }
    left, right = compare.search_entries(material), compare.search_entries(zensical)
    assert left == right == {"benefits/": [("dose", "Dose", "Low dose")]}
    changed = compare.search_entries({"items": [{"location": "benefits/#dose", "title": "Doses"}]})
    found = compare.compare_search(left, changed, {"benefits/": "benefits/index.html"})
    assert [(d.page, d.aspect) for d in found] == [("benefits/index.html", "search")]


KNOWN = """
- page: "assets/*"
  aspect: files
  reason: each engine ships its own theme
- page: index.html
  aspect: link check
  detail: Zensical build
  reason: the theme writes the home page's own menu link as href=""
"""


def test_a_known_difference_explains_only_what_it_names() -> None:
    known = compare.load_known(KNOWN)
    differences = [
        compare.Difference("assets/bundle.js", "files", "only in the MkDocs build"),
        compare.Difference("index.html", "link check", "Zensical build, default address: x"),
        compare.Difference("index.html", "link check", "MkDocs build, default address: x"),
        compare.Difference("about/index.html", "files", "only in the Zensical build"),
    ]
    outcome = compare.explain(differences, known)
    assert [d for d, _ in outcome.explained] == differences[:2]
    assert outcome.unexplained == differences[2:]
    assert outcome.unused == []
    assert compare.explain([], known).unused == known


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- page: a\n  aspect: files\n", "entry 1: expected page, aspect and reason"),
        ("- page: a\n  aspect: colour\n  reason: r\n", "aspect 'colour', expected one of"),
        ("- page: a\n  aspect: files\n  reason: r\n  why: w\n", "unknown key 'why'"),
        ("page: a\n", "expected a list of entries"),
    ],
)
def test_a_known_difference_without_a_reason_or_with_a_typo_is_refused(
    text: str, message: str
) -> None:
    with pytest.raises(compare.KnownDifferencesError, match=message):
        compare.load_known(text)


def test_the_project_s_known_differences_load_and_each_has_a_reason() -> None:
    known = compare.load_known(compare.KNOWN.read_text(encoding="utf-8"))
    assert known and all(len(entry.reason) > 20 for entry in known)
    # Page content is never waved through: only theme files, the link check and the
    # generator tag in the head are listed.
    assert {entry.aspect for entry in known} <= {"files", "link check", "head"}
    assert all(entry.detail == "'generator'" for entry in known if entry.aspect == "head")


def test_one_line_per_page_and_a_verdict() -> None:
    explained = compare.Difference("index.html", "link check", "Zensical build")
    wrong = compare.Difference("about/index.html", "tables", "item 1")
    outcome = compare.Outcome(
        explained=[(explained, compare.load_known(KNOWN)[1])], unexplained=[wrong]
    )
    pages = ["about/index.html", "benefits/index.html", "index.html"]
    assert compare.page_lines(pages, outcome) == [
        "about/index.html: DIFFERENT: tables",
        "benefits/index.html: same",
        "index.html: same, but for known differences: link check",
    ]
    builds = [compare.Build("MkDocs", "default", Path("s"), 1.0, True, "", ())]
    passed, summary = compare.verdict(builds, outcome)
    assert not passed and "1 unexplained differences" in summary
    passed, summary = compare.verdict(builds, compare.Outcome(explained=outcome.explained))
    assert passed and summary.startswith("PASS")
    failed = [compare.Build("Zensical", "sub-path", Path("s"), 1.0, False, "error")]
    assert not compare.verdict(failed, compare.Outcome())[0]


def test_link_findings_become_differences_naming_the_build() -> None:
    finding = {"page": "index.html", "reason": "empty-link", "message": "empty a[href]"}
    build = compare.Build("Zensical", "sub-path", Path("s"), 1.0, True, "", (finding,))
    assert compare.link_differences(build) == [
        compare.Difference(
            "index.html",
            "link check",
            "Zensical build, sub-path address: empty-link: empty a[href]",
        )
    ]


def test_the_results_section_replaces_its_own_and_keeps_the_others(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Benchmarks\n\n## Lighthouse\n\nfast\n\n## Zensical\n\nold\n\n## Link checker\n\n8x\n"
    )
    compare.write_section(results, "## Zensical\n\nnew\n")
    text = results.read_text()
    assert "old" not in text and "## Zensical\n\nnew\n" in text
    assert "## Lighthouse\n\nfast" in text and "## Link checker\n\n8x" in text
    compare.write_section(tmp_path / "fresh.md", "## Zensical\n\nnew\n")
    assert (tmp_path / "fresh.md").read_text() == "# Benchmarks\n\n## Zensical\n\nnew\n"


HEAD = """<html><head><title>Benefits - Guide</title>
<meta name="generator" content="{generator}">{csp}
<link rel="canonical" href="https://example.org/benefits/">
<script type="application/ld+json">{ld}</script></head>
<body><article><h1>Benefits</h1></article></body></html>"""
CSP = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'


def head_view(generator: str, csp: str = CSP, ld: str = '{"a": 1, "b": 2}') -> compare.PageView:
    return compare.page_view(HEAD.format(generator=generator, csp=csp, ld=ld), "/benefits/")


def test_the_head_is_compared_name_by_name_so_a_known_generator_hides_nothing_else() -> None:
    """A policy a MkDocs hook adds, lost under Zensical (no hooks), is a difference of its own."""
    mkdocs = head_view("mkdocs-1.6.1")
    assert ("Content-Security-Policy", "default-src 'self' [fits its page's scripts]") in (
        mkdocs.head
    )
    assert ("schema.org", '{"a": 1, "b": 2}') in mkdocs.head
    same = head_view("zensical-0.0.73", ld='{"b":2,"a":1}')  # JSON spaced and ordered its way
    found = compare.compare_pages("benefits/index.html", mkdocs, same)
    assert [d.detail.split(":")[0] for d in found] == ["'generator'"]
    lost = compare.compare_pages("benefits/index.html", mkdocs, head_view("zensical", csp=""))
    outcome = compare.explain(lost, compare.load_known(compare.KNOWN.read_text(encoding="utf-8")))
    assert [d.detail.split(":")[0] for d in outcome.unexplained] == ["'Content-Security-Policy'"]


def test_a_failed_build_s_log_is_shown_without_colour_or_traceback_frames() -> None:
    log = (
        "Build started\n\x1b[33mWarning:\x1b[0m anchor does not exist\n"
        "    ╭─[ about.md:61:4 ]\n"
        "Traceback (most recent call last):\n"
        '  File "/x/zensical", line 8, in <module>\n    sys.exit(cli())\n             ^^^^^\n'
        "RuntimeError: Aborted because --strict flag is set\n"
    )
    assert compare.readable(log).splitlines() == [
        "Build started",
        "Warning: anchor does not exist",
        "    ╭─[ about.md:61:4 ]",
        "RuntimeError: Aborted because --strict flag is set",
    ]


def test_a_policy_is_compared_without_its_hashes_but_must_fit_its_own_page() -> None:
    """Each engine's theme has inline scripts of its own, so the hashes differ; what is
    compared is the policy's other directives and that it allows exactly its page's scripts."""
    page = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="{csp}">'
        "<script>{script}</script></head><body><article>x</article></body></html>"
    )

    def policy_of(script: str, hashed: str) -> str:
        csp = f"script-src 'self' {script_hash(hashed)}"
        view = compare.page_view(page.format(csp=csp, script=script), "/x/")
        return dict(view.head)["Content-Security-Policy"]

    mkdocs, zensical = policy_of("var a = 1;", "var a = 1;"), policy_of("var b;", "var b;")
    assert mkdocs == zensical == "script-src 'self' [fits its page's scripts]"
    stale = policy_of("var b;", "var a = 1;")  # a hash for a script the page does not have
    assert stale == "script-src 'self' [does NOT fit its page's scripts]"

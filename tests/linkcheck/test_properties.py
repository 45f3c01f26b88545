"""Property-based tests: random HTML, URLs and srcset values never crash the checker."""

from __future__ import annotations

import string
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.linkcheck import REASONS, Options, check_site
from scripts.linkcheck.collect import Inventory
from scripts.linkcheck.extract import extract
from scripts.linkcheck.resolve import EXTERNAL, PAGE, SKIP, Resolver
from scripts.linkcheck.urls import SiteAddress, fragment_matches, parse_srcset

TAGS = [
    "a",
    "img",
    "link",
    "script",
    "source",
    "meta",
    "base",
    "template",
    "svg",
    "p",
    "code",
    "pre",
    "area",
    "iframe",
    "form",
    "noscript",
    "div",
    "table",
    "td",
]
ATTRS = ["href", "src", "srcset", "id", "name", "http-equiv", "content", "rel", "action"]
URL_CHARS = string.ascii_letters + string.digits + "/.#?%&;=:,-_ \t\n\\é✓\x00"
url_text = st.text(alphabet=URL_CHARS, max_size=40)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Tag soup: random elements, attributes and values, often unclosed or misnested."""
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        attrs = " ".join(
            f'{draw(st.sampled_from(ATTRS))}="{draw(url_text)}"'
            for _ in range(draw(st.integers(0, 3)))
        )
        parts.append(f"<{tag} {attrs}>{draw(st.text(max_size=10))}")
        if draw(st.booleans()):
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
    return "".join(parts)


SITE = Inventory(
    root=Path("."),
    files={"index.html", "a/index.html", "img/x.png"},
    dirs={"", "a", "img"},
    pages=["a/index.html", "index.html"],
)
RESOLVER = Resolver(SITE, SiteAddress.parse("https://example.org/guide/"))
KINDS = {PAGE, EXTERNAL, SKIP, *REASONS}


@given(html_documents())
@settings(max_examples=150, deadline=None)
def test_random_html_always_extracts(html: str) -> None:
    data = extract(html)
    assert all(isinstance(value, str) for _, value in data.refs)
    assert all(target for target in data.targets)


@given(st.binary(max_size=300))
@settings(max_examples=100, deadline=None)
def test_random_bytes_always_extract(raw: bytes) -> None:
    extract(raw)
    extract(raw, encoding=True)


@given(url_text, st.sampled_from(["a/index.html", "index.html"]))
@settings(max_examples=300, deadline=None)
def test_random_urls_always_resolve(href: str, page: str) -> None:
    base = RESOLVER.base_of(page)
    target = RESOLVER.resolve(href, base, page)
    assert target.kind in KINDS
    fast, fragment = RESOLVER.resolve_fast(
        href, RESOLVER.ancestors(base), page, RESOLVER.address.prefix + page
    )
    # The fast path and the general path always agree.
    assert (fast.kind, fast.path, fragment) == (target.kind, target.path, target.fragment)


@given(
    st.lists(
        st.text(alphabet=string.ascii_letters + ",()./", min_size=1, max_size=12).filter(
            lambda u: not u.endswith(",") and not u.startswith(",")
        ),
        min_size=1,
        max_size=5,
    )
)
def test_srcset_round_trip(urls: list[str]) -> None:
    srcset = ", ".join(f"{url} {n + 1}x" for n, url in enumerate(urls))
    assert parse_srcset(srcset) == urls


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\0"),
        min_size=1,
        max_size=20,
    )
)
def test_percent_encoded_fragment_finds_its_id(element_id: str) -> None:
    assert fragment_matches(quote(element_id, safe=""), frozenset({element_id}))


@given(st.lists(html_documents(), min_size=1, max_size=4))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_random_sites_never_crash(
    tmp_path_factory: pytest.TempPathFactory, pages: list[str]
) -> None:
    site = tmp_path_factory.mktemp("random-site")
    for n, html in enumerate(pages):
        folder = site / (f"p{n}" if n else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8", errors="surrogatepass")
    report = check_site(Options(site=site, base_url="https://example.org/", jobs=1))
    assert {finding.reason for finding in report.findings} <= set(REASONS)

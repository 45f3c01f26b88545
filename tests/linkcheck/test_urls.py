"""URL rules the checker shares with browsers: srcset, meta refresh, dot segments, fragments."""

from __future__ import annotations

import pytest

from scripts.linkcheck.urls import (
    SiteAddress,
    clean_url,
    fragment_matches,
    misspelt_scheme,
    normalize_path,
    parse_refresh,
    parse_srcset,
)


@pytest.mark.parametrize(
    ("srcset", "urls"),
    [
        ("a.png 1x, b.png 2x", ["a.png", "b.png"]),
        ("a,b.png 1x, c.png 2x", ["a,b.png", "c.png"]),  # a comma inside a URL does not split
        ("a.png,b.png 2x", ["a.png,b.png"]),  # nor does one with no space after it
        ("a.png, b.png", ["a.png", "b.png"]),  # trailing commas end the URL
        ("a.png 100w (x, y), b.png 200w", ["a.png", "b.png"]),  # commas in parentheses
        ("  a.png  ,,  b.png  ", ["a.png", "b.png"]),
        ("", []),
        (",,,", []),
    ],
)
def test_srcset_is_parsed_as_the_html_standard_says(srcset: str, urls: list[str]) -> None:
    assert parse_srcset(srcset) == urls


@pytest.mark.parametrize(
    ("content", "url"),
    [
        ("0; url=../new/", "../new/"),
        ("0;URL='../new/'", "../new/"),
        ('3, url="x.html"', "x.html"),
        ("0; ../bare/", "../bare/"),
        ("1.5;url=a", "a"),
        ("5", None),  # a reload, not a redirect
        ("soon; url=a", None),  # no time: ignored by browsers
        ("", None),
    ],
)
def test_meta_refresh_url(content: str, url: str | None) -> None:
    assert parse_refresh(content) == url


@pytest.mark.parametrize(
    ("path", "normal"),
    [
        ("/a/b/../c", "/a/c"),
        ("/a/b/..", "/a/"),
        ("/a/./b/.", "/a/b/"),
        ("/../../x", "/x"),  # never above the root
        ("/a/%2e%2E/b", "/b"),
        ("/a/.%2e/b", "/b"),
        ("/a/.well-known/b", "/a/.well-known/b"),
        ("/a/b/", "/a/b/"),
    ],
)
def test_dot_segments_are_removed_like_browsers(path: str, normal: str) -> None:
    assert normalize_path(path) == normal


def test_url_whitespace_rules() -> None:
    assert clean_url("  a\tb\nc\r  ") == "abc"
    assert clean_url("a b") == "a b"  # inner spaces stay: they are part of the path


@pytest.mark.parametrize(
    ("fragment", "ids", "found"),
    [
        ("dose", {"dose"}, True),
        ("Dose", {"dose"}, False),  # case-sensitive
        ("caf%C3%A9", {"café"}, True),  # percent-decoded as UTF-8
        ("café", {"café"}, True),
        ("caf%E9", {"café"}, False),  # not UTF-8: no match
        ("a b", {"a b"}, True),
        ("a b", {"a%20b"}, True),  # the URL parser encodes the space first
        ("a%20b", {"a b"}, True),
        ("top", set(), True),
        ("TOP", set(), True),
        ("%74op", set(), True),
        ("top-x", set(), False),
        ("", set(), True),
    ],
)
def test_fragments_match_as_browsers_scroll(fragment: str, ids: set[str], found: bool) -> None:
    assert fragment_matches(fragment, frozenset(ids)) is found


def test_site_address_from_url_or_path() -> None:
    address = SiteAddress.parse("https://Example.org:443/guide")
    assert address.prefix == "/guide/"
    assert address.own_path("http://example.org/guide/x/?q=1") == "/guide/x/?q=1"
    assert address.own_path("https://example.org/other/") is None
    assert address.own_path("https://example.com/guide/") is None
    assert SiteAddress.parse("/guide/").hosts == frozenset()
    assert SiteAddress.parse("").prefix == "/"


@pytest.mark.parametrize(
    ("scheme", "meant"),
    [
        ("htps", "https"),
        ("ttps", "https"),
        ("htp", "http"),
        ("hhtps", "https"),
        ("mialto", "mailto"),
        ("javscript", "javascript"),
        # Real schemes, or too far from any common one: left alone.
        ("https", None),
        ("smb", None),
        ("geo", None),
        ("ftps", None),
        ("file", None),
        ("whatsapp", None),
        ("obsidian", None),
    ],
)
def test_misspelt_scheme_names_the_scheme_meant(scheme: str, meant: str | None) -> None:
    assert misspelt_scheme(scheme) == meant

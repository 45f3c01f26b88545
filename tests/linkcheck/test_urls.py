"""URL rules the checker shares with browsers: srcset, meta refresh, dot segments, fragments."""

from __future__ import annotations

import pytest

from scripts.linkcheck.urls import (
    MalformedURL,
    SiteAddress,
    clean_url,
    fragment_matches,
    misspelt_scheme,
    normalize_path,
    parse_refresh,
    parse_srcset,
    split_web_url,
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


@pytest.mark.parametrize(
    ("url", "host", "rest"),
    [
        ("https://EXAMPLE.org:443/x?q#f", "example.org", "/x?q#f"),
        ("http://example.org:8080", "example.org:8080", ""),
        ("http://user:pass@example.org/", "example.org", "/"),
        ("http://ex%41mple.org/", "example.org", "/"),  # hosts are percent-decoded
        ("https://bücher.de/", "xn--bcher-kva.de", "/"),
        ("https://ＥＸＡＭＰＬＥ.org/", "example.org", "/"),  # UTS #46 maps full-width letters
        ("https://💩.la/", "xn--ls8h.la", "/"),  # browsers accept what IDNA 2008 refuses
        ("http://0x7f.1/", "127.0.0.1", "/"),  # the URL standard's IPv4 forms
        ("http://XN--ZZ.example/", "xn--zz.example", "/"),  # Punycode as written, as Chromium
        ("http://[0:0::1]:8000/", "[::1]:8000", "/"),
        ("http:\\\\example.org\\x", "example.org", "\\x"),  # backslashes are slashes
        ("http:example.org/x", "example.org", "/x"),
        ("http://example.org:/", "example.org", "/"),  # an empty port is no port
    ],
)
def test_web_urls_split_as_browsers_parse_them(url: str, host: str, rest: str) -> None:
    assert split_web_url(url) == (host, rest)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://[::1/docs", "the IPv6 address is not closed with ']'"),
        ("http://a]b/", "the host contains ']'"),
        ("https://ex℀ample.com/", "'ex℀ample.com' reads as 'exa/cample.com'"),
        ("http://example.org:99999/", "the port 99999 is above 65535"),
        ("http://example.org:8o/", "the port '8o' is not a number"),
        ("http://example.org:80:80/", "the port '80:80' is not a number"),
        ("http://1.2.3.256/", "not a valid IPv4 address"),
        ("http://1.2.3.4.5/", "not a valid IPv4 address"),
        ("http://[::1::2]/", "'::1::2' is not a valid IPv6 address"),
        ("http://[fe80::1%25eth0]/", "is not a valid IPv6 address"),
        ("http://ex%zzample.org/", "the host has a '%'"),
        ("http://ex%ffample.org/", "not a valid internationalised host name"),
        ("http://a\u0301b.\u0301x/", "is not a valid name"),  # a label starts with a mark
        ("https:///", "the host name is empty"),
        ("http://user@/", "the host name is empty"),
        ("http://a b/", "the host contains ' '"),
        ("http://a\x01b/", "the host contains '\\x01'"),
    ],
)
def test_urls_browsers_cannot_parse_are_malformed(url: str, why: str) -> None:
    with pytest.raises(MalformedURL) as error:
        split_web_url(url)
    assert why in str(error.value)


def test_a_malformed_site_address_is_an_error_not_a_crash() -> None:
    with pytest.raises(MalformedURL, match="not closed"):
        SiteAddress.parse("https://[::1/guide/")
    with pytest.raises(MalformedURL, match="not a web address"):
        SiteAddress.parse("ftp://example.org/")
    address = SiteAddress.parse("https://example.org/guide/")
    with pytest.raises(MalformedURL):
        address.own_path("https://example.org:99999/guide/")
    assert address.own_path("https://exa%6Dple.org/guide/x/") == "/guide/x/"

"""Property-based tests: hostile URLs in every place the checker parses one always give a
report (findings, exit 0 or 1), never an exception; exit 2 only for a bad --base-url, named.

Hosts, ports, brackets, internationalised names and percent sequences are drawn from pieces
known to trip URL parsers, mixed with arbitrary text. Everything runs in-process on one
small site, rewritten for each example.
"""

from __future__ import annotations

import contextlib
import html
import io
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.check_links import main
from scripts.linkcheck import REASONS, ExternalOptions, Options, check_site, render
from scripts.linkcheck import external as external_module
from scripts.linkcheck.urls import MalformedURL, SiteAddress, clean_url, split_web_url

HOST_PIECES = [
    "example.org",
    "EXAMPLE.org",
    "[::1]",
    "[::1",
    "::1]",
    "[",
    "]",
    "a]b",
    "[fe80::1%25eth0]",
    "[::ffff:1.2.3.4]",
    "[1:2:3:4:5:6:7:8:9]",
    "ex\u2100ample.com",
    "\uff25\uff38.org",
    "b\u00fccher.de",
    "xn--bcher-kva.de",
    "xn--",
    "xn--zz",
    "xn--a.xn--b",
    "\U0001f4a9.la",
    "\u0301a",
    "a\u200db",
    "\u202e",
    "\ufffd",
    "\u4f8b\u3048.\u30c6\u30b9\u30c8",
    "\u00df",
    "%",
    "%zz",
    "%41",
    "%ff",
    "%00",
    "%5b",
    "%2e",
    "1.2.3.4",
    "1.2.3.256",
    "0x7f.1",
    "0x",
    "08.1",
    "4294967296",
    "1.2.3.4.5",
    ".",
    "..",
    "",
    "@",
    "user:pw@",
    ":",
    "\\",
    "/",
    "#",
    "?",
    "^",
    "|",
    " ",
    "\t",
    "\x00",
    "\x7f",
    "localhost",
]
PORTS = [
    "",
    "80",
    "443",
    "8080",
    "0",
    "65535",
    "65536",
    "99999",
    "abc",
    "8o",
    "-1",
    "1:2",
    "\u0661",
]

hosts = st.lists(st.sampled_from(HOST_PIECES) | st.text(max_size=3), min_size=1, max_size=4).map(
    "".join
)
ports = st.sampled_from(PORTS) | st.integers(0, 10**7).map(str)
paths = st.sampled_from(["", "/", "/x/", "/a b", "/%zz", "/%ff/", "?q=[", "#f", "/\u00e9#\u00e9"])
schemes = st.sampled_from(
    ["http://", "https://", "HTTPS://", "//", "http:", "http:\\\\", "htps://"]
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    url = draw(schemes) + draw(hosts)
    port = draw(ports)
    if port or draw(st.booleans()):
        url += ":" + port
    return url + draw(paths)


def _site(root: Path, body: str) -> Path:
    site = root / "site"
    (site / "x").mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(f"<!doctype html><body>{body}</body>", encoding="utf-8")
    (site / "x" / "index.html").write_text('<a href="../">home</a>', encoding="utf-8")
    return site


def _assert_reported(findings: list) -> None:
    assert {finding.reason for finding in findings} <= set(REASONS)
    for fmt in ("text", "json", "github"):
        render(findings, fmt, "site").encode("utf-8")  # printable, valid UTF-8


PLACES = {
    "a-href": lambda u, v: f'<a href="{u}">x</a>',
    "img-src": lambda u, v: f'<img src="{u}" alt="">',
    "srcset": lambda u, v: f'<img srcset="{u} 1x, {v} 2x" alt="">',
    "base-href": lambda u, v: f'<base href="{u}"><a href="x/">x</a><a href="{v}">y</a>',
    "meta-refresh": lambda u, v: f'<meta http-equiv="refresh" content="0; url={u}">',
    "link-href": lambda u, v: f'<link rel="stylesheet" href="{u}"><area href="{v}">',
}
# 6 places x 100, with the tests below: 1,150 cases in all.
EXAMPLES = 100


@pytest.mark.parametrize("place", PLACES)
@given(url=urls(), other=urls(), base=st.sampled_from(["/", "https://example.org/guide/"]))
@example(url="http://example.org\t:80", other="/", base="/")  # a tab browsers drop: valid
@example(url="http://\x00example.org", other="/", base="/")  # NUL is read as U+FFFD
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_place_a_url_is_parsed_gives_a_report(
    tmp_path: Path, place: str, url: str, other: str, base: str
) -> None:
    body = PLACES[place](html.escape(url), html.escape(other))
    site = _site(tmp_path, body)
    report = check_site(Options(site=site, base_url=base, jobs=1, orphans=False))
    _assert_reported(report.findings)
    # The attribute as the HTML parser hands it over (newlines made LF, NUL made U+FFFD),
    # then what the URL parser reads of it (tabs and newlines dropped).
    written = url.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    read = clean_url(written)
    if place == "a-href" and read.startswith(("http://", "https://")):
        try:
            split_web_url(read)
        except MalformedURL:
            assert any(f.reason == "malformed-url" and f.href == written for f in report.findings)


@given(url=urls())
@settings(max_examples=350, deadline=None)
def test_the_host_parser_accepts_or_says_why(url: str) -> None:
    if not url.startswith(("http", "HTTP")):
        url = "https:" + url
    try:
        host, _ = split_web_url(url)
    except MalformedURL as error:
        assert str(error)
        return
    assert host.isascii() and host == host.lower()
    scheme = url.split(":", 1)[0].lower()  # a default port depends on the scheme
    assert split_web_url(f"{scheme}://{host}/") == (host, "/")  # the canonical form is stable


def _offline(host: object, *args: object, **kwargs: object) -> list:
    raise socket.gaierror(socket.EAI_NONAME, f"no network in this test: {host!r}")


@given(url=urls(), other=urls())
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_external_checks_give_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, other: str
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _offline)  # every lookup fails, at once
    site = _site(tmp_path, f'<a href="{html.escape(url)}">x</a><img src="{html.escape(other)}">')
    options = ExternalOptions(timeout=1, retries=0, cache=None, workers=2)
    report = check_site(
        Options(site=site, jobs=1, orphans=False, external=True, external_options=options)
    )
    _assert_reported(report.findings)
    # And the external check alone, with URLs no page scan has vetted.
    occurrences = {u: [("index.html", u, "a[href]")] for u in (url, other)}
    _assert_reported(external_module.check_external(occurrences, options))


@given(base=urls() | st.text(max_size=12))
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_base_url_gives_a_report_or_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str
) -> None:
    site = _site(tmp_path, '<a href="https://example.org/guide/x/">x</a><a href="/x/">y</a>')
    monkeypatch.chdir(site.parent)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["site", "--no-defaults", "--jobs", "1", "--base-url", base])
        except SystemExit as stop:  # argparse: a value it cannot take as an option value
            status = stop.code
    assert status in (0, 1, 2)
    if status == 2:
        assert err.getvalue().count("\n") == 1 and "--base-url" in err.getvalue()
    else:
        SiteAddress.parse(base)  # accepted by the CLI, so accepted by the library

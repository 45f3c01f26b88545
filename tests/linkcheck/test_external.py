"""External links, against a local HTTP server on 127.0.0.1 only (see conftest: no network)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.linkcheck import ExternalOptions, Options, check_site
from scripts.linkcheck.external import check_external

# The client's timeout, generous because the machine may be busy, and how long /slow takes
# to answer: well past the timeout, so it is unreachable however loaded the machine is.
TIMEOUT_S = 2.0
SLOW_S = 3 * TIMEOUT_S


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: Counter[tuple[str, str]] = Counter()
        self.open_now = 0
        self.most_open = 0
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_HEAD(self) -> None:  # noqa: N802 - the name http.server calls
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        server = self.server
        with server.lock:
            server.hits[(self.command, self.path)] += 1
            total = sum(n for (_, path), n in server.hits.items() if path == self.path)
            server.open_now += 1
            server.most_open = max(server.most_open, server.open_now)
        status, location = self._route(total)
        if self.path == "/slow":
            time.sleep(SLOW_S)
        if self.path.startswith("/gate/"):
            time.sleep(0.15)
        # Counted as open until the answer starts: once the client has it, it may send its
        # next request before this thread would reach a later decrement.
        with server.lock:
            server.open_now -= 1
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", "2" if body else "0")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def _route(self, total: int) -> tuple[int, str]:
        if self.path == "/missing":
            return 404, ""
        if self.path == "/moved":
            return 301, "/landing"
        if self.path == "/no-head":
            return (405 if self.command == "HEAD" else 200), ""
        if self.path == "/flaky":
            return (503 if total <= 2 else 200), ""  # the first attempt (HEAD, GET) fails
        return 200, ""


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _options(tmp_path: Path, **changes: object) -> ExternalOptions:
    options = ExternalOptions(
        timeout=TIMEOUT_S, retries=1, backoff=0.01, cache=tmp_path / "cache.json"
    )
    for name, value in changes.items():
        setattr(options, name, value)
    return options


def _occurrences(*urls: str) -> dict[str, list[tuple[str, str, str]]]:
    return {url: [("index.html", url, "a[href]")] for url in urls}


def test_broken_and_unreachable_links_are_found(server: _Server, tmp_path: Path) -> None:
    base = server.base
    urls = [
        f"{base}/ok",
        f"{base}/missing",
        f"{base}/moved",
        f"{base}/no-head",
        f"{base}/flaky",
        f"{base}/slow",
    ]
    findings = check_external(_occurrences(*urls), _options(tmp_path))
    assert sorted((f.reason, f.href) for f in findings) == [
        ("external-broken", f"{base}/missing"),
        ("external-unreachable", f"{base}/slow"),
    ]
    assert next(f for f in findings if f.href.endswith("/missing")).message.endswith("answered 404")
    # HEAD first, then GET when HEAD fails; the flaky URL succeeded on its retry.
    assert server.hits[("HEAD", "/no-head")] == 1 and server.hits[("GET", "/no-head")] == 1
    assert server.hits[("GET", "/ok")] == 0
    assert (
        server.hits[("HEAD", "/moved")] == 1
        and sum(n for (_, path), n in server.hits.items() if path == "/landing") == 1
    )  # redirect followed
    assert server.hits[("HEAD", "/flaky")] == 2
    assert server.hits[("GET", "/missing")] == 1  # a 404 is not retried


def test_per_host_limit(server: _Server, tmp_path: Path) -> None:
    urls = [f"{server.base}/gate/{n}" for n in range(8)]
    assert check_external(_occurrences(*urls), _options(tmp_path, per_host=2)) == []
    assert server.most_open == 2  # concurrent, but never more than two at once


def test_successes_are_cached_until_they_expire(server: _Server, tmp_path: Path) -> None:
    urls = _occurrences(f"{server.base}/ok", f"{server.base}/missing")
    check_external(urls, _options(tmp_path))
    check_external(urls, _options(tmp_path))
    assert server.hits[("HEAD", "/ok")] == 1  # the second run used the cache
    assert server.hits[("HEAD", "/missing")] == 2  # failures are always checked again
    check_external(urls, _options(tmp_path, cache_ttl=0.0))
    assert server.hits[("HEAD", "/ok")] == 2


def test_damaged_cache_is_only_a_slower_run(server: _Server, tmp_path: Path) -> None:
    (tmp_path / "cache.json").write_text("{not json")
    assert check_external(_occurrences(f"{server.base}/ok"), _options(tmp_path)) == []


def test_site_check_uses_external_only_when_asked(server: _Server, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        f'<a href="{server.base}/missing#part">x</a><a href="{server.base}/ok">y</a>'
    )
    offline = check_site(Options(site=site, jobs=1))
    assert offline.findings == [] and not server.hits
    online = check_site(
        Options(site=site, jobs=1, external=True, external_options=_options(tmp_path))
    )
    assert [(f.page, f.reason, f.href) for f in online.findings] == [
        ("index.html", "external-broken", f"{server.base}/missing#part")
    ]


def test_other_hosts_are_refused_in_tests() -> None:
    import urllib.request

    with pytest.raises(Exception, match="outside|lookup"):
        urllib.request.urlopen("http://example.org/", timeout=1)  # noqa: S310


def test_urls_are_requested_as_browsers_send_them(server: _Server, tmp_path: Path) -> None:
    base = server.base
    written = f"{base}/ok dir/caf\u00e9?q=a b#part"
    assert check_external(_occurrences(written), _options(tmp_path)) == []
    assert server.hits[("HEAD", "/ok%20dir/caf%C3%A9?q=a%20b")] == 1


def test_malformed_urls_given_to_the_external_check_are_findings(tmp_path: Path) -> None:
    urls = ["http://[::1/x", "http://a]b/", "https://ex\u2100ample.com/", "http://x:99999/"]
    findings = check_external(_occurrences(*urls), _options(tmp_path))
    assert sorted(f.href for f in findings) == sorted(urls)
    assert all("malformed URL" in f.message for f in findings)


def test_a_malformed_url_is_reported_once_with_external_on(server: _Server, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        f'<a href="http://[::1/x">x</a><a href="{server.base}/ok">y</a>'
    )
    options = _options(tmp_path)
    report = check_site(Options(site=site, jobs=1, external=True, external_options=options))
    assert [(f.reason, f.href) for f in report.findings] == [("malformed-url", "http://[::1/x")]

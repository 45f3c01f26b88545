"""The local server behaves like GitHub Pages, so what the browser tests and the bench measure is
what readers get: directory URLs, a real 404 page with status 404, gzip for text."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator

import pytest

from tests.browser.site_server import SiteServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    site = tmp_path_factory.mktemp("tiny-site")
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "404.html").write_text("<h1>We can't find that page</h1>", encoding="utf-8")
    (site / "page").mkdir()
    (site / "page" / "index.html").write_text("<h1>Page</h1>" * 50, encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG not really")
    with SiteServer(site) as running:
        yield running


class Reply:
    """A whole answer, read before its connection closes (no socket is left open)."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    def getheader(self, name: str) -> str | None:
        """The header `name`, as HTTPResponse gives it."""
        return self.headers.get(name)

    def read(self) -> bytes:
        """The body."""
        return self.body


def get(server: SiteServer, path: str, gzip_ok: bool = False) -> Reply:
    host, port = server.url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        connection.request("GET", path, headers=headers)
        return Reply(connection.getresponse())
    finally:
        connection.close()


def test_directory_urls_serve_their_index(server: SiteServer) -> None:
    response = get(server, "/page/")
    assert response.status == 200
    assert response.read().startswith(b"<h1>Page</h1>")
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"


def test_a_directory_without_its_slash_redirects(server: SiteServer) -> None:
    response = get(server, "/page")
    assert (response.status, response.getheader("Location")) == (301, "/page/")


def test_a_missing_page_gets_404_html_with_status_404(server: SiteServer) -> None:
    response = get(server, "/no-such-page/")
    assert response.status == 404
    assert b"We can't find that page" in response.read()


def test_paths_outside_the_site_are_not_served(server: SiteServer) -> None:
    assert get(server, "/../../etc/passwd").status == 404


def test_text_is_gzipped_for_browsers_that_ask(server: SiteServer) -> None:
    response = get(server, "/page/", gzip_ok=True)
    body = response.read()
    assert response.getheader("Content-Encoding") == "gzip"
    assert int(response.getheader("Content-Length")) == len(body)
    assert gzip.decompress(body).startswith(b"<h1>Page</h1>")
    assert get(server, "/page/").getheader("Content-Encoding") is None


def test_images_are_sent_as_they_are(server: SiteServer) -> None:
    response = get(server, "/logo.png", gzip_ok=True)
    assert response.getheader("Content-Encoding") is None
    assert response.read() == b"\x89PNG not really"

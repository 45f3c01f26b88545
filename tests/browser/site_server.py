"""Serve a built site on 127.0.0.1 the way GitHub Pages does, for the browser tests and the bench.

What matters for a reader-like measurement: directory URLs (`/x/` serves `/x/index.html`, `/x`
redirects to `/x/`), `404.html` with status 404 for anything missing, and gzip for text files, so
that the bytes a browser transfers are the bytes a reader would download from the real host.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import sys
import threading
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

# Text types worth compressing; images such as PNG are already compressed.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)
# GitHub Pages lets browsers reuse a file for ten minutes.
CACHE_CONTROL = "max-age=600"


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """The gzip body of `path`; keyed on its mtime so an edited file is compressed again."""
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def _content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        return f"{kind}; charset=utf-8"
    return kind


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        # A quiet server: failed requests show up in the browser checks instead.
        pass

    def _respond(self, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = self._resolve(url_path)
        if target is None:
            self._send_file(self.server.root / "404.html", 404, send_body)
        elif target.is_dir():
            self.send_response(301)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send_file(target, 200, send_body)

    def _resolve(self, url_path: str) -> Path | None:
        """The file for `url_path` inside the site root, or None; never a path outside it."""
        root = self.server.root
        candidate = (root / url_path.lstrip("/")).resolve()
        if not candidate.is_relative_to(root):
            return None
        if candidate.is_dir() and url_path.endswith("/"):
            candidate = candidate / "index.html"
        return candidate if candidate.exists() else None

    def _send_file(self, path: Path, status: int, send_body: bool) -> None:
        if not path.is_file():
            self.send_error(status)
            return
        kind = _content_type(path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.server.gzip and accepts_gzip and kind.startswith(COMPRESSIBLE):
            body = _gzipped(path, path.stat().st_mtime_ns)
            encoding = "gzip"
        else:
            body = path.read_bytes()
            encoding = None
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    gzip: bool

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser closing a tab mid-download resets the connection: not the site's fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """A threaded server for `root` on 127.0.0.1 and a free port; use it as a context manager."""

    def __init__(self, root: Path, *, compress: bool = True) -> None:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.root = Path(root).resolve()
        self._httpd.gzip = compress
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The site's base address, ending in a slash: http://127.0.0.1:PORT/."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

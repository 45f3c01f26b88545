"""Desktop and phone screenshots of built pages, served from the site folder on 127.0.0.1 and
taken with Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser

from scripts.prpreview.pages import Page


@dataclass(frozen=True)
class Viewport:
    """A browser window size to take screenshots at."""

    name: str
    width: int
    height: int
    mobile: bool


# A common laptop and a common phone size, in CSS pixels. One device pixel per CSS pixel
# keeps long pages under Chromium's largest screenshot and the artifact small.
VIEWPORTS = (Viewport("desktop", 1280, 800, False), Viewport("phone", 390, 844, True))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 (the only host Chromium may reach) and yield
    its base URL; directory URLs such as /benefits/ need a server, not file://."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def slug(page: Page) -> str:
    """A file name for the page's screenshots: "/" -> "home", "/a/b/" -> "a-b"."""
    name = page.url.strip("/").removesuffix(".html").replace("/", "-")
    return name or "home"


def screenshots(
    browser: Browser,
    site: Path,
    pages: Sequence[Page],
    out: Path,
    viewports: Sequence[Viewport] = VIEWPORTS,
) -> list[Path]:
    """Full-page PNGs of each page at each viewport, as out/<viewport>/<slug>.png."""
    written = []
    with serve(site) as base:
        for viewport in viewports:
            (out / viewport.name).mkdir(parents=True, exist_ok=True)
            context = browser.new_context(
                viewport={"width": viewport.width, "height": viewport.height},
                is_mobile=viewport.mobile,
                has_touch=viewport.mobile,
                device_scale_factor=1,
                reduced_motion="reduce",
            )
            try:
                tab = context.new_page()
                for page in pages:
                    tab.goto(base + page.url, wait_until="load")
                    path = out / viewport.name / f"{slug(page)}.png"
                    tab.screenshot(path=str(path), full_page=True, animations="disabled")
                    written.append(path)
            finally:
                context.close()
    return written

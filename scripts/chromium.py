"""Debian's Chromium as the tests and the pull-request preview launch it; Playwright's own browser
download is never used."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    # Needed when the tests run as root (CI containers).
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium phones home to Google hosts on start.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Belt and braces: no name but 127.0.0.1 resolves, whatever a page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def missing_chromium_message() -> str | None:
    """Why Chromium cannot be used, or None when it can."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    return (
        f"the browser tests need Debian's Chromium at {CHROMIUM}: run `make chromium` "
        "(scripts/ensure_chromium.sh) or `apt-get install chromium`, or set CHROMIUM=/path"
    )

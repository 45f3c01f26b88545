"""`make serve`: the preview serves the site, reports an editor's mistake and recovers from it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.repo import copy_repo, project_env

# A build of this site takes a few seconds; a busy machine may take several times that.
PATIENCE_S = 120
PAGE = Path("docs/ketamine-infusion-dosage.md")


@dataclass
class Preview:
    process: subprocess.Popen[str]
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def home_page(url: str) -> str | None:
    """The home page's HTML, or None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition: Callable[[], object], what: str, preview: Preview) -> None:
    deadline = time.monotonic() + PATIENCE_S
    while not condition():
        if preview.process.poll() is not None:
            pytest.fail(f"the preview exited while waiting for {what}:\n{preview.output()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} after {PATIENCE_S} s:\n{preview.output()}")
        time.sleep(0.2)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    log = tmp_path / "preview.log"
    env = project_env(repo)
    command = [sys.executable, "scripts/preview.py", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command,
            cwd=repo,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # so mkdocs serve, its child, stops with it
        )
    try:
        yield Preview(process, f"http://127.0.0.1:{port}/", log)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# Mistakes an editor makes while previewing: (file, what is added, words of the error).
MISTAKES = {
    "misspelt-macro": (PAGE, '\n{{ tabel("methods") }}\n', "ketamine-infusion-dosage.md:"),
    # mkdocs-macros ends the whole `mkdocs serve` on this one; the preview starts it again.
    "misspelt-field": (PAGE, "\n{{ page.meta.reviewd }}\n", "has no attribute 'reviewd'"),
    "broken-config": (Path("mkdocs.yml"), "\nnav: [oops\n", "mkdocs.yml"),
}
# Added with the fix, to see the fixed page by.
MARKER = "Preview-marker-after-the-fix"


def page_text(url: str) -> str:
    return home_page(url) or ""


@pytest.mark.parametrize("mistake", MISTAKES)
def test_preview_reports_a_mistake_and_recovers_once_it_is_fixed(
    preview: Preview, mistake: str
) -> None:
    wait_until(lambda: "Ketamine Therapy Guide" in page_text(preview.url), "site", preview)
    repo = preview.log.parent / "repo"
    broken, addition, words = MISTAKES[mistake]
    original = (repo / broken).read_text(encoding="utf-8")
    page = (repo / PAGE).read_text(encoding="utf-8")
    started = len(preview.output())
    (repo / broken).write_text(original + addition, encoding="utf-8")
    wait_until(lambda: words in preview.output()[started:], "error message", preview)

    # The fix, with the marker on the page. Saved again on each try: a save that raced the
    # preview's restart would go unseen, and saving again is what an editor would do.
    def fixed_and_served() -> bool:
        (repo / broken).write_text(original, encoding="utf-8")
        (repo / PAGE).write_text(page + f"\n{MARKER}\n", encoding="utf-8")
        return MARKER in page_text(preview.url + "ketamine-infusion-dosage/")

    wait_until(fixed_and_served, "the fixed page", preview)

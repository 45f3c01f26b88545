"""`make serve`: the preview serves the site, reports an editor's mistake and recovers from it."""

from __future__ import annotations

import contextlib
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

from scripts.preview_server import error_page
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
        with contextlib.suppress(ProcessLookupError):  # a test may have stopped it already
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
    # MkDocs' own link rewriting would end in a traceback; the preview shows the line instead.
    "unreadable-link": (PAGE, "\n[x](http://[bad/)\n", "which a browser cannot open"),
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


def child_pids(pid: int) -> list[int]:
    """The processes `pid` started (Linux)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(n) for n in children.read_text().split()] if children.exists() else []


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has stopped; only its exit status is left


def port_free(url: str) -> bool:
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_a_signal_to_the_wrapper_stops_the_server_too(preview: Preview, signum: int) -> None:
    wait_until(lambda: "Ketamine Therapy Guide" in page_text(preview.url), "site", preview)
    (server,) = child_pids(preview.process.pid)
    os.kill(preview.process.pid, signum)  # the wrapper alone, as an IDE or `timeout` does
    assert preview.process.wait(timeout=PATIENCE_S) == 0
    deadline = time.monotonic() + 30
    while is_running(server) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not is_running(server), preview.output()
    assert port_free(preview.url)


def test_a_busy_port_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "scripts/preview.py", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=repo,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=PATIENCE_S,
            check=False,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"port {port} on 127.0.0.1 is already in use" in line
    assert f"SERVE_ADDR=127.0.0.1:{port + 1}" in line


def answer(url: str) -> tuple[int, str]:
    """Status and text of `url`, within a few seconds (a hang fails the test)."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_pages_name_a_pending_build_error_instead_of_hanging(preview: Preview) -> None:
    wait_until(lambda: "Ketamine Therapy Guide" in page_text(preview.url), "site", preview)
    repo = preview.log.parent / "repo"
    page = (repo / PAGE).read_text(encoding="utf-8")
    dosage = preview.url + "ketamine-infusion-dosage/"

    # A rebuild that fails (a strict-mode warning) while the server keeps running.
    started = len(preview.output())
    (repo / PAGE).write_text(page + "\n[more](no-such-page.md)\n", encoding="utf-8")
    wait_until(lambda: "strict mode" in preview.output()[started:], "failed rebuild", preview)
    status, text = answer(dosage)
    assert status == 503
    assert "no-such-page.md" in text and "could not be built" in text

    # A mistake that ends the server (mkdocs-macros calls exit()): the wrapper answers.
    started = len(preview.output())
    (repo / PAGE).write_text(page + "\n{{ page.meta.reviewd }}\n", encoding="utf-8")
    wait_until(lambda: "starts again by itself" in preview.output()[started:], "exit", preview)

    def names_the_error() -> bool:
        try:
            return "reviewd" in answer(dosage)[1]
        except (urllib.error.URLError, ConnectionError):
            return False

    wait_until(names_the_error, "error page", preview)
    assert answer(dosage)[0] == 503

    (repo / PAGE).write_text(page + f"\n{MARKER}\n", encoding="utf-8")
    wait_until(lambda: MARKER in page_text(dosage), "the fixed page", preview)


def test_the_error_page_escapes_the_problem() -> None:
    page = error_page("docs/x.md:3: <script>alert(1)</script> & more").decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "<script>" not in page

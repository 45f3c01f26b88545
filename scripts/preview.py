"""`make serve`: the live preview, kept running across build errors, stopped cleanly.

`mkdocs serve` rebuilds on every save, but mkdocs-macros ends the whole
process (it calls exit()) when a page has a template error such as a
misspelt macro name, and a preview that dies on an editor's first typo is no
preview. This wrapper restarts it once the editor saves a fix; meanwhile it
answers on the same address with a page naming the error. SIGTERM, SIGINT or
SIGHUP to the wrapper stops the server with it, and an address already in use
is one line saying what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from scripts.preview_server import UNAVAILABLE, error_headers, error_page

WATCHED = ("docs", "data", "scripts", "overrides", "mkdocs.yml")
DEFAULT_ADDRESS = ("127.0.0.1", 8000)  # MkDocs' own default
# Lines of the server's output kept to name the problem on the error page.
TAIL_LINES = 40
# How long the server has to stop after SIGTERM before it is killed.
STOP_TIMEOUT_S = 10
# Stopping the observer can log a harmless inotify warning, which would read as a new problem.
logging.getLogger("watchdog").setLevel(logging.ERROR)


class Stopped(Exception):
    """The wrapper was asked to stop (a signal)."""


class _Changed(FileSystemEventHandler):
    def __init__(self) -> None:
        self.event = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("created", "modified", "deleted", "moved"):
            self.event.set()


def wait_for_change(root: Path) -> None:
    """Block until a file the site is built from changes."""
    handler = _Changed()
    observer = Observer()
    for name in WATCHED:
        path = root / name
        if path.exists():
            observer.schedule(
                handler, str(path if path.is_dir() else root), recursive=path.is_dir()
            )
    observer.start()
    try:
        while not handler.event.wait(0.5):  # wakes up so a signal can stop the wait
            pass
    finally:
        observer.stop()
        observer.join()


def dev_address(argv: Sequence[str]) -> tuple[str, int]:
    """The host and port `mkdocs serve` is asked to listen on (`--dev-addr`/`-a`)."""
    value = None
    for index, arg in enumerate(argv):
        if arg in ("--dev-addr", "-a") and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--dev-addr="):
            value = arg.partition("=")[2]
    if not value:
        return DEFAULT_ADDRESS
    host, _, port = value.rpartition(":")
    try:
        return host.strip("[]") or DEFAULT_ADDRESS[0], int(port)
    except ValueError:
        return DEFAULT_ADDRESS  # mkdocs serve names the bad value itself


def port_in_use(address: tuple[str, int]) -> bool:
    """Whether another program listens on `address` (bound as MkDocs binds it)."""
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def busy_message(address: tuple[str, int]) -> str:
    """What to tell the editor when the preview's port is taken."""
    host, port = address
    return (
        f"preview: port {port} on {host} is already in use, perhaps by another preview. "
        f"Stop that one (Ctrl+C in its terminal), or choose another port: "
        f"make serve SERVE_ADDR={host}:{port + 1}"
    )


class Preview:
    """The running `mkdocs serve`, its recent output, and the error page between runs."""

    def __init__(self, argv: Sequence[str], root: Path) -> None:
        self.argv = list(argv)
        self.root = root
        self.address = dev_address(self.argv)
        self.child: subprocess.Popen[bytes] | None = None
        self.tail: deque[str] = deque(maxlen=TAIL_LINES)
        self.stopping = False

    def run(self) -> int:
        """Serve until stopped; restart after each failure once a file changes."""
        while not self.stopping:
            if port_in_use(self.address):
                print(busy_message(self.address), file=sys.stderr)
                return 1
            status = self._serve_once()
            # stop() sets it from a signal handler, which mypy cannot see
            if self.stopping:
                break  # type: ignore[unreachable]
            if status == 0:
                return 0
            if any("Address already in use" in line for line in self.tail):
                print(busy_message(self.address), file=sys.stderr)
                return 1
            print(
                "\nThe preview stopped because of the error above. "
                "Fix it and save the file: the preview starts again by itself. "
                "(Ctrl+C to quit.)\n",
                file=sys.stderr,
            )
            with ErrorServer(self.address, "\n".join(self.tail)):
                wait_for_change(self.root)
        return 0

    def _serve_once(self) -> int:
        self.tail.clear()
        command = [sys.executable, "-m", "scripts.preview_server", *self.argv]
        self.child = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=self.root,
            env=dict(os.environ, PYTHONUNBUFFERED="1"),  # its lines as they are written
        )
        assert self.child.stdout is not None
        for raw in self.child.stdout:  # echoed as it comes; the last lines kept
            sys.stderr.buffer.write(raw)
            sys.stderr.flush()
            self.tail.append(raw.decode("utf-8", "replace").rstrip())
        return self.child.wait()

    def stop(self, signum: int, _frame: FrameType | None) -> None:
        """Signal handler: stop the server, then let `run` return."""
        self.stopping = True
        child = self.child
        # Ctrl+C in a terminal reaches the server too, which then shuts down by itself.
        running = child is not None and child.poll() is None
        if child is not None and running and (signum != signal.SIGINT or not _exited(child, 2)):
            child.terminate()
            if not _exited(child, STOP_TIMEOUT_S):
                child.kill()
                child.wait()
        raise Stopped


def _exited(child: subprocess.Popen[bytes], seconds: float) -> bool:
    try:
        child.wait(seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


class ErrorServer:
    """Answers every request on `address` with the error page while the server is down."""

    def __init__(self, address: tuple[str, int], problem: str) -> None:
        body = error_page(problem or "The preview server stopped.")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                self.send_response(UNAVAILABLE)
                for name, value in error_headers(body):
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:  # the terminal shows the error
                pass

        class Server(ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
            daemon_threads = True

        try:
            self.server: ThreadingHTTPServer | None = Server(address, Handler)
        except OSError:
            self.server = None  # the address was taken meanwhile: nothing to answer with

    def __enter__(self) -> ErrorServer:
        if self.server is not None:
            threading.Thread(target=self.server.serve_forever, args=(0.2,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the preview until the editor stops it; return its exit status."""
    preview = Preview(argv if argv is not None else sys.argv[1:], Path.cwd())
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, preview.stop)
    try:
        return preview.run()
    except Stopped:
        return 0
    finally:
        child = preview.child
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()


if __name__ == "__main__":
    raise SystemExit(main())

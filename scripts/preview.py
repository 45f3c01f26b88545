"""`make serve`: the live preview, kept running across build errors.

`mkdocs serve` rebuilds on every save, but mkdocs-macros ends the whole
process (it calls exit()) when a page has a template error such as a
misspelt macro name, and a preview that dies on an editor's first typo is no
preview. This wrapper restarts it once the editor saves a fix.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

WATCHED = ("docs", "data", "scripts", "overrides", "mkdocs.yml")
# Stopping the observer can log a harmless inotify warning, which would read as a new problem.
logging.getLogger("watchdog").setLevel(logging.ERROR)


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
        handler.event.wait()
    finally:
        observer.stop()
        observer.join()


def main(argv: Sequence[str] | None = None) -> int:
    """Run mkdocs serve; after an error stops it, start it again once a file changes."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        *(argv if argv is not None else sys.argv[1:]),
    ]
    root = Path.cwd()
    try:
        while subprocess.run(command, check=False).returncode != 0:
            print(
                "\nThe preview stopped because of the error above. "
                "Fix it and save the file: the preview starts again by itself. "
                "(Ctrl+C to quit.)\n",
                file=sys.stderr,
            )
            wait_for_change(root)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

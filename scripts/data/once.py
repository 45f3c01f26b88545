"""Do a build step once for the same input files, even when the engine asks for it per page.

MkDocs calls define_env once per build; Zensical calls it before every page.
Loading and validating the data and every page's front matter takes about a
quarter of a second, so each step's outcome (its value, or the DataError it
raised) is kept with a fingerprint of the files it read: their contents, so an
edit saved within the same second is never missed, and their modification times, so a
file saved again while the step read it (an editor's save under `make serve`) is read
again, even when the save ends with the contents fingerprinted before it began.
The cache lives in this imported module rather than in scripts/macros.py,
which Zensical executes afresh for every page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from scripts.data.errors import DataError

T = TypeVar("T")

_lock = threading.Lock()
# step name -> (fingerprint, value, error): only the latest inputs of each step are kept.
_outcomes: dict[str, tuple[Hashable, object, DataError | None]] = {}


def fingerprint(paths: Iterable[Path]) -> str:
    """A digest of the files' names, modification times and contents; a missing file counts
    as absent."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(set(paths)):
        digest.update(str(path).encode("utf-8") + b"\0")
        try:
            digest.update(str(path.stat().st_mtime_ns).encode("ascii") + b"\0")
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
        digest.update(b"\0")
    return digest.hexdigest()


def once(step: str, inputs: Iterable[Path], compute: Callable[[], T], extra: Hashable = ()) -> T:
    """`compute()`'s value, or its DataError raised again, while `inputs` (and `extra`) are
    unchanged. The date is part of the key: review dates are checked against today."""
    key = (fingerprint(inputs), extra, dt.date.today())
    with _lock:  # an engine may render pages in parallel threads
        cached = _outcomes.get(step)
        if cached is None or cached[0] != key:
            try:
                cached = (key, compute(), None)
            except DataError as error:
                cached = (key, None, error)
            _outcomes[step] = cached
    _, value, failure = cached
    if failure is not None:
        raise failure
    return value  # type: ignore[return-value]


def forget() -> None:
    """Drop every kept outcome (for tests that count how often a step runs)."""
    with _lock:
        _outcomes.clear()

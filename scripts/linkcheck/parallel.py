"""Run `scan_page` over every page, across worker processes when the site is large enough.

Workers are forked, so they inherit the inventory and the resolver's caches instead of
receiving them; only page ranges go out and compact `PageResult`s come back.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from multiprocessing import get_all_start_methods, get_context

from .scan import PageResult, ScanContext, scan_page

# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200
# glibc's mallopt() parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_CONTEXT: ScanContext | None = None


def scan(ctx: ScanContext, jobs: int) -> Iterator[PageResult]:
    """Scan every page, across `jobs` processes when the site is large enough."""
    _reuse_freed_memory()
    count = len(ctx.inventory.pages)
    if jobs <= 1 or count < PARALLEL_THRESHOLD or "fork" not in get_all_start_methods():
        for index in range(count):
            yield scan_page(ctx, index)
        return
    size = max(1, min(64, count // (jobs * 8)))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    global _CONTEXT
    _CONTEXT = ctx  # forked workers inherit it; nothing is pickled but the page ranges
    try:
        with get_context("fork").Pool(jobs) as pool:
            for results in pool.imap_unordered(_scan_chunk, chunks):
                yield from results
    finally:
        _CONTEXT = None


def _reuse_freed_memory() -> None:
    """Keep freed memory for the next page instead of returning it to the kernel.

    Each parse allocates and frees about a megabyte in blocks that glibc would otherwise
    map and unmap one by one, so every page faulted its memory in afresh: a quarter of the
    run went to the kernel. Forked workers inherit the setting. Elsewhere, nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 64 * 1024 * 1024)
        libc.mallopt(_M_TRIM_THRESHOLD, 128 * 1024 * 1024)
    except (OSError, AttributeError):  # not glibc: the default allocator behaviour stays
        pass


def _scan_chunk(indexes: range) -> list[PageResult]:
    assert _CONTEXT is not None
    return [scan_page(_CONTEXT, index) for index in indexes]


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

"""Collect: walk SITE_DIR once and list what a web server would serve from it.

Symbolic links are followed only while they stay inside SITE_DIR; a dangling link, a loop or
a link that leaves the folder is reported and never read. Files reached through a linked
folder (a `latest -> v2` alias, say) exist as link targets, but their pages are parsed once,
at their real place. Sockets, pipes and devices are never opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, InputError

HTML_SUFFIXES = (".html", ".htm")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # far above any real page; guards against runaway files
# A hard stop for pathological trees (symlinked folders that fan out): beyond this many
# entries the walk stops and says so, instead of running for ever.
MAX_ENTRIES = 5_000_000


@dataclass
class Inventory:
    """The servable files of a site, relative to its root, with POSIX separators."""

    root: Path
    files: set[str] = field(default_factory=set)
    dirs: set[str] = field(default_factory=lambda: {""})
    pages: list[str] = field(default_factory=list)  # HTML files to parse, sorted
    outside: set[str] = field(default_factory=set)  # symlinks that leave SITE_DIR
    findings: list[Finding] = field(default_factory=list)


def collect(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Inventory:
    """Walk `root` and return its inventory; raise InputError when it is not a readable folder."""
    if not root.is_dir():
        raise InputError(f"{root}: no such folder (expected the built site, e.g. site/)")
    inventory = Inventory(root=root)
    _Walker(inventory, os.path.realpath(root), max_bytes).walk()
    inventory.pages.sort()
    return inventory


class _Walker:
    def __init__(self, inventory: Inventory, real_root: str, max_bytes: int) -> None:
        self.inv = inventory
        self.real_root = real_root
        self.max_bytes = max_bytes
        self.entries = 0
        # (site-relative folder, real path chain of enclosing folders, reached through a link)
        self.stack: list[tuple[str, tuple[str, ...], bool]] = [("", (real_root,), False)]

    def walk(self) -> None:
        stack = self.stack
        while stack:
            rel, chain, alias = stack.pop()
            self.inv.dirs.add(rel)
            try:
                with os.scandir(self.inv.root / rel) as listing:
                    entries = list(listing)
            except OSError as error:
                self._report(rel or ".", "unreadable-file", f"cannot list folder: {error.strerror}")
                continue
            self.entries += len(entries)
            if self.entries > MAX_ENTRIES:
                self._report(
                    rel or ".", "too-large", f"more than {MAX_ENTRIES} entries; walk stopped"
                )
                return
            for entry in entries:
                path = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_symlink():
                    self._symlink(entry, path, chain)
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((path, (*chain, os.path.join(chain[-1], entry.name)), alias))
                elif entry.is_file(follow_symlinks=False):
                    self._file(entry, path, alias)

    def _file(self, entry: os.DirEntry[str], path: str, alias: bool) -> None:
        self.inv.files.add(path)
        if alias or not path.lower().endswith(HTML_SUFFIXES):
            return
        try:
            size = entry.stat(follow_symlinks=False).st_size
        except OSError as error:
            self._report(path, "unreadable-file", f"cannot read: {error.strerror}")
            return
        if size > self.max_bytes:
            self._report(
                path, "too-large", f"{size} bytes, over the {self.max_bytes}-byte limit; not parsed"
            )
            return
        self.inv.pages.append(path)

    def _symlink(self, entry: os.DirEntry[str], path: str, chain: tuple[str, ...]) -> None:
        try:
            target = os.path.realpath(entry.path, strict=True)
        except OSError:
            self._report(path, "bad-symlink", "symbolic link is dangling or loops")
            return
        if target != self.real_root and not target.startswith(self.real_root + os.sep):
            self.inv.outside.add(path)
            self._report(path, "bad-symlink", "symbolic link points outside the site; not read")
            return
        if os.path.isdir(target):
            if target in chain:
                self._report(path, "bad-symlink", "symbolic link loops back to an enclosing folder")
                return
            self.stack.append((path, (*chain, target), True))
        elif os.path.isfile(target):
            self.inv.files.add(path)  # an alias: a valid target; its page is parsed where it lives

    def _report(self, path: str, reason: str, message: str) -> None:
        self.inv.findings.append(Finding(page=path, reason=reason, message=message))

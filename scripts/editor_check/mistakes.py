"""One problem found in the repository, how the steps' lists are merged, and GitHub's way
of printing them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.linkcheck.report import escape_data, escape_property

# How a finding relates to findings of earlier steps. Some tools report a
# consequence of a mistake another step names better: a YAML syntax error seen
# by both the data loader and yamllint, or a build that stops on bad data.
STRONG = "strong"
SAME_FILE = "same-file"  # dropped when an earlier step already flagged this file
ANY = "any"  # dropped when any other finding exists (an unexplained failure)


@dataclass(frozen=True)
class Mistake:
    """A problem at a line of a file of the repository (paths relative to its root)."""

    path: str
    line: int
    message: str
    step: str = ""
    weak: str = STRONG
    # A page name this finding names as the cause of a missing page (a nav entry or an
    # xrefs.yml topic pointing at no file): the build's and link checker's messages about
    # links to that name are its consequences, so they are dropped.
    covers: str = ""

    def text(self) -> str:
        """The mistake as `file:line: message`."""
        return f"{self.path}:{self.line}: {self.message}"


def relative(path: str | Path, root: Path) -> str:
    """`path` as a POSIX path relative to `root` when it lies inside it."""
    try:
        return (root / path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def merge(findings: list[Mistake]) -> list[Mistake]:
    """Keep one message per mistake, in step order, then sort by file and line.

    Two steps pointing at the same line almost always describe the same edit
    (mkdocs and the link checker both see a broken link), so the first step's
    message wins. Weak findings give way as described above.
    """
    kept: list[Mistake] = []
    seen_lines: set[tuple[str, int]] = set()
    seen_files: set[str] = set()
    causes = {finding.covers for finding in findings if finding.covers}
    for finding in findings:
        key = (finding.path, finding.line)
        if key in seen_lines or (finding.weak == SAME_FILE and finding.path in seen_files):
            continue
        if _consequence(finding, causes):
            continue
        kept.append(finding)
        seen_lines.add(key)
        seen_files.add(finding.path)
    if any(f.weak != ANY for f in kept):
        kept = [f for f in kept if f.weak != ANY]
    return sorted(kept, key=lambda f: (f.path, f.line))


def _consequence(finding: Mistake, causes: set[str]) -> bool:
    """A link message about a page name whose absence another finding already explains."""
    if (
        finding.covers
        or finding.step not in ("build", "links")
        or not finding.path.startswith("docs/")
    ):
        return False
    for name in causes:
        # The page as a file name ('x.md', ../x.md) or as its address (/x/).
        forms = (rf"(?<![\w-]){re.escape(name)}\b", rf"/{re.escape(name.removesuffix('.md'))}/")
        if any(re.search(form, finding.message) for form in forms):
            return True
    return False


def as_github(findings: list[Mistake]) -> list[str]:
    """GitHub workflow commands: each becomes an annotation on its file and line."""
    return [
        f"::error file={escape_property(f.path)},line={f.line}::{escape_data(f.message)}"
        for f in findings
    ]

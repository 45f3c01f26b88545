"""The project's link checker (scripts/check_links.py) over the built site."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from scripts.editor_check.findings import Finding, parse_file_line
from scripts.editor_check.tools import run, tool_failure


def check(root: Path, site_dir: Path) -> list[Finding]:
    """Internal links and anchors of the built site, reported against docs/ sources."""
    # The options `make build` uses: naming the sources and the rules makes a
    # missing file an error instead of a check quietly skipped.
    argv = [sys.executable, "scripts/check_links.py", str(site_dir)]
    argv += ["--docs", "docs", "--rules", "data/xrefs.yml"]
    result = run(argv, root)
    found = [_with_cause(finding) for finding in parse_file_line(result.stdout, root, "links")]
    if result.returncode != 0 and not found:
        return tool_failure(result, "scripts/check_links.py", "links")
    return found


# data/xrefs.yml naming a page that is not built: every link to it follows from this.
MISSING_PAGE_RE = re.compile(r"\bpage (?P<name>\S+\.md)\b.* is not in the built site")


def _with_cause(finding: Finding) -> Finding:
    missing = MISSING_PAGE_RE.search(finding.message)
    return replace(finding, covers=missing["name"]) if missing else finding

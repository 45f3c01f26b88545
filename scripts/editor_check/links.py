"""The project's link checker (scripts/check_links.py) over the built site."""

from __future__ import annotations

import sys
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
    found = parse_file_line(result.stdout, root, "links")
    if result.returncode != 0 and not found:
        return tool_failure(result, "scripts/check_links.py", "links")
    return found

"""The project's link checker (scripts/check_links.py) over the built site."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

from scripts.editor_check.findings import ANY, SAME_FILE, STRONG, Finding, relative
from scripts.editor_check.tools import run, tool_failure


def check(root: Path, site_dir: Path) -> list[Finding]:
    """Internal links and anchors of the built site, reported against docs/ sources."""
    # The options `make build` uses: naming the sources and the rules makes a
    # missing file an error instead of a check quietly skipped. A separate process, as
    # the checker forks workers on large sites and this driver runs steps in threads.
    argv = [sys.executable, "scripts/check_links.py", str(site_dir), "--format", "json"]
    argv += ["--docs", "docs", "--rules", "data/xrefs.yml"]
    result = run(argv, root)
    try:
        reported = json.loads(result.stdout) if result.returncode in (0, 1) else None
    except ValueError:
        reported = None
    if not isinstance(reported, list) or (result.returncode == 1 and not reported):
        return tool_failure(result, "scripts/check_links.py", "links")
    return [_with_cause(finding) for finding in findings(reported, root)]


def findings(reported: list[dict], root: Path) -> list[Finding]:
    """The checker's JSON findings, at the file of the repository (Markdown source, rules
    file) and line they name. Those on built pages only (links the theme writes, or pages a
    failed build left broken) are summed up in one message that gives way to any other."""
    found = []
    for item in reported:
        source = item.get("source")
        if not isinstance(source, str) or not (root / source).exists():
            continue
        line = item.get("line")
        weak = STRONG if isinstance(line, int) else SAME_FILE
        found.append(Finding(relative(source, root), line or 1, item["message"], "links", weak))
    if reported and not found:
        first = reported[0]
        message = (
            f"{len(reported)} link problem(s) on built pages that come from no file here "
            f"(links the theme writes), the first on {first.get('page')}: {first.get('message')}"
        )
        found.append(Finding("scripts/check_links.py", 1, message, "links", ANY))
    return found


# data/xrefs.yml naming a page that is not built: every link to it follows from this.
MISSING_PAGE_RE = re.compile(r"\bpage (?P<name>\S+\.md)\b.* is not in the built site")


def _with_cause(finding: Finding) -> Finding:
    missing = MISSING_PAGE_RE.search(finding.message)
    return replace(finding, covers=missing["name"]) if missing else finding

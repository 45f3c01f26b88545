"""The fixture corpus: one small hand-made site per edge case, each with its findings pinned.

Each `fixtures/<case>/` holds `site/` (the built site), optionally `docs/` and `rules.yml`,
and `case.json`: the options to run with and the exact findings expected. Symbolic links,
unreadable files, file names that are not UTF-8 and pages too large to keep in git are made
by the test in a copy of the case, as `case.json` lists them (`symlinks`, `unreadable`,
`raw_names` with undecodable bytes written as \\udcXX, `generate` with `{n}` counting up).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from scripts.linkcheck import Options, check_site, parallel
from scripts.linkcheck import scan as scan_module

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "case.json").is_file())
PAGE_REASONS = {
    "orphan-page",
    "required-link",
    "missing-topic",
    "redirect-loop",
    "bad-symlink",
    "unreadable-file",
    "too-large",
    "too-complex",
    "invalid-utf8",
}


def _key(item: dict) -> tuple:
    default = "" if item["reason"] in PAGE_REASONS else "a[href]"
    return (
        item["page"],
        item["reason"],
        item["href"],
        item.get("element", default),
        item.get("source"),
        item.get("line"),
    )


def _materialise(case: str, dest: Path, spec: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURES / case, dest)
    for link, target in spec.get("symlinks", {}).items():
        os.symlink(target, dest / "site" / link)
    for name, text in spec.get("raw_names", {}).items():
        (dest / "site" / name).write_bytes(text.encode("utf-8"))  # os.fsencode gives the bytes
    for name, parts in spec.get("generate", {}).items():
        # "{n}" in the repeated part counts up: distinct attribute names, ids and the like.
        repeat, times = parts["repeat"], parts["times"]
        body = "".join(repeat.replace("{n}", str(n)) for n in range(times))
        page = parts["head"] + body + parts.get("tail", "")
        (dest / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / "site" / name).write_text(page, encoding="utf-8")
    unreadable = {str(dest / "site" / rel) for rel in spec.get("unreadable", [])}
    if unreadable:
        # Tests may run as root, whom permissions do not stop: fail the read itself.
        real_open = open

        def failing_open(path: str, *args: Any, **kwargs: Any) -> Any:
            if os.path.abspath(path) in unreadable:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(scan_module, "open", failing_open, raising=False)


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "parallel"])
@pytest.mark.parametrize("case", CASES)
def test_case_findings_are_pinned(
    case: str, jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In parallel, even these small sites are split across worker processes.
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 1 if jobs > 1 else 10**9)
    spec = json.loads((FIXTURES / case / "case.json").read_text(encoding="utf-8"))
    options = spec["options"]
    root = tmp_path / case
    _materialise(case, root, options, monkeypatch)
    monkeypatch.chdir(root)  # findings name sources as the command line gives them
    report = check_site(
        Options(
            site=Path("site"),
            base_url=options.get("base_url", "/"),
            docs=Path(options["docs"]) if "docs" in options else None,
            rules=Path(options["rules"]) if "rules" in options else None,
            orphans=options.get("orphans", False),
            max_bytes=options.get("max_bytes", 32 * 1024 * 1024),
            jobs=jobs,
        )
    )
    found = sorted(_key(f.as_dict() | {"element": f.element}) for f in set(report.findings))
    expected = sorted(_key(item) for item in spec["expected"])
    assert found == expected

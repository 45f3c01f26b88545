"""Real strict builds of a changed copy of the site: each data mistake stops the build.

Every case is one small mutation of the real files, built on its own; the
finer variants of each mistake are unit-tested in test_validation.py. Each
must end the build with a non-zero exit and one clean error line naming the
exact file and field, and must leave no HTML page with error text behind.
The builds run side by side (one per core) in a module fixture; each case
keeps its own test and assertions.

A YAML syntax error is caught by scripts/preflight.py before mkdocs-macros
parses the files itself, so it too ends in one line with the file and line.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.data.helpers import edit
from tests.support.repo import copy_repo, mkdocs_build

Mutation = Callable[[Path], None]


def replace(path: str, old: str, new: str) -> Mutation:
    return lambda repo: edit(repo / path, old, new)


def set_line(path: str, key: str, line: str) -> Mutation:
    """Replace the first line starting with `key:` (front matter the content team edits)."""

    def mutate(repo: Path) -> None:
        text = (repo / path).read_text(encoding="utf-8")
        changed, count = re.subn(rf"(?m)^{key}:.*$", line, text, count=1)
        assert count == 1, f"{key}: not in {path}"
        (repo / path).write_text(changed, encoding="utf-8")

    return mutate


def append(path: str, text: str) -> Mutation:
    def mutate(repo: Path) -> None:
        with (repo / path).open("a", encoding="utf-8") as handle:
            handle.write(f"\n\n{text}\n")

    return mutate


def write(path: str, text: str) -> Mutation:
    return lambda repo: (repo / path).write_text(text, encoding="utf-8")


def delete(path: str) -> Mutation:
    return lambda repo: (repo / path).unlink()


# name: (mutation, the file named in the message, the field named, more words expected)
CASES: dict[str, tuple[Mutation, str, str, str]] = {
    "yaml-syntax-error": (
        replace("data/effects.yml", "    percent: 30\n", "    percent: [30\n"),
        "data/effects.yml:",
        "",
        "expected valid YAML",
    ),
    "empty-file": (write("data/conditions.yml", ""), "data/conditions.yml", "", "empty file"),
    "missing-data-file": (
        delete("data/glossary.yml"),
        "mkdocs.yml",
        "plugins.macros.include_yaml",
        "no file data/glossary.yml",
    ),
    "missing-field": (
        replace(
            "data/methods.yml",
            "    how: A drip into a vein, so the medicine reaches the blood straight away.\n",
            "",
        ),
        "data/methods.yml",
        "how",
        "row 'iv'",
    ),
    "percent-out-of-range": (
        replace("data/conditions.yml", "success_rate: 50", "success_rate: 150"),
        "data/conditions.yml",
        "success_rate",
        "from 0 to 100",
    ),
    "min-above-max": (
        replace("data/methods.yml", "{min: 45, max: 60}", "{min: 60, max: 45}"),
        "data/methods.yml",
        "session_minutes.max",
        "min 60 above max 45",
    ),
    "duplicate-id": (
        replace("data/risks.yml", "  - id: memory\n", "  - id: brain_fog\n"),
        "data/risks.yml",
        "id",
        "again",
    ),
    "unknown-source": (
        replace("data/candidacy.yml", "source: nice-ta854", "source: nice-ta855"),
        "data/candidacy.yml",
        "source",
        "nice-ta854",
    ),
    "unknown-key": (
        replace(
            "data/comparison.yml",
            "    frequency: Every day\n",
            "    frequency: Every day\n    colour: red\n",
        ),
        "data/comparison.yml",
        "colour",
        "unknown key",
    ),
    "html-injection-in-id": (
        replace("data/effects.yml", "id: euphoria", 'id: "<script>alert(1)</script>"'),
        "data/effects.yml",
        "id",
        "lower-case",
    ),
    "wrong-top-level-key": (
        replace("data/effects.yml", "immediate_effects:", "effects:"),
        "data/effects.yml",
        "",
        "one top-level key 'immediate_effects'",
    ),
    "fact-from-unknown-row": (
        replace(
            "data/facts.yml",
            "from: conditions.trd.success_rate",
            "from: conditions.tdr.success_rate",
        ),
        "data/facts.yml",
        "from",
        "one of trd",
    ),
    "unknown-required-topic": (
        replace("data/xrefs.yml", "topics: [trd,", "topics: [trdd,"),
        "data/xrefs.yml",
        "topics",
        "trd",
    ),
    "include-yaml-file-missing": (
        replace(
            "mkdocs.yml",
            "        - data/xrefs.yml\n",
            "        - data/xrefs.yml\n        - data/extra.yml\n",
        ),
        "mkdocs.yml",
        "plugins.macros.include_yaml",
        "no file data/extra.yml",
    ),
    "front-matter-description-too-long": (
        set_line("docs/index.md", "description", "description: " + "word " * 40),
        "docs/index.md",
        "description",
        "150 characters or fewer",
    ),
    "front-matter-missing-reviewed": (
        set_line("docs/index.md", "reviewed", ""),
        "docs/index.md",
        "reviewed",
        "found nothing",
    ),
    "front-matter-unknown-source": (
        set_line("docs/index.md", "sources", "sources: [oxford-health-faqs]"),
        "docs/index.md",
        "sources",
        "oxford-health-faq",
    ),
    "macro-unknown-table": (
        append("docs/index.md", '{{ table("immediate_effect") }}'),
        "docs/index.md",
        "table name",
        "immediate_effects",
    ),
    "macro-unknown-chart": (
        append("docs/index.md", '{{ chart("session_lengths") }}'),
        "docs/index.md",
        "chart name",
        "session_length",
    ),
    "macro-unknown-fact": (
        append("docs/index.md", '{{ fact("trd_responses") }}'),
        "docs/index.md",
        "fact name",
        "trd_response",
    ),
    "macro-unknown-xref": (
        append("docs/index.md", '{{ xref("dosge") }}'),
        "docs/index.md",
        "cross-reference name",
        "dosage",
    ),
    "macro-unknown-cite": (
        append("docs/index.md", '{{ cite("fava-2019") }}'),
        "docs/index.md",
        "source name",
        "fava-2018",
    ),
    "macro-misspelt-macro": (
        append("docs/index.md", '{{ tabel("methods") }}'),
        "docs/index.md",
        "macro name",
        "one of table",
    ),
    "macro-undefined-variable": (
        append("docs/index.md", "{{ confg.repo_url }}"),
        "docs/index.md",
        "macro name",
        "config",
    ),
}


@dataclass(frozen=True)
class Outcome:
    result: subprocess.CompletedProcess[str]
    repo: Path
    site: Path

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    def build(name: str) -> tuple[str, Outcome]:
        base = tmp_path_factory.mktemp(name)
        repo = copy_repo(base / "repo")
        CASES[name][0](repo)
        return name, Outcome(mkdocs_build(repo, base / "site"), repo, base / "site")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(pool.map(build, sorted(CASES)))


def _no_page_shows(site: Path, text: str) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert text not in html and "Macro Rendering Error" not in html, page


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_data_stops_the_build(outcomes: dict[str, Outcome], name: str) -> None:
    _, file, field, words = CASES[name]
    outcome = outcomes[name]
    output = outcome.output
    assert outcome.result.returncode != 0, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    message = errors[0].split("-", 1)[1].strip()
    assert message.startswith(file), message
    if field:
        assert f"field '{field}'" in message, message
    assert words in message, message
    assert "Traceback" not in output
    if name.startswith("macro-"):  # the macro call is the page's last line
        last = len(outcome.repo.joinpath(file).read_text(encoding="utf-8").splitlines())
        assert message.startswith(f"{file}:{last},"), message
    _no_page_shows(outcome.site, message)


def test_yaml_syntax_error_names_the_broken_line(outcomes: dict[str, Outcome]) -> None:
    located = re.search(r"data/effects\.yml:(\d+): ", outcomes["yaml-syntax-error"].output)
    assert located, outcomes["yaml-syntax-error"].output
    assert int(located.group(1)) in (7, 8)  # the broken "percent: [30" row

"""scripts/macros.py under both engines: Zensical's macros call it as MkDocs' do not.

Zensical loads the module afresh and calls define_env before every page, with a page
object that has `path`, `url` and `meta` (dates as ISO text) and no `file`; it has no
MkDocs installed. These tests play that part with a stand-in, as test_registrar.py plays
mkdocs-macros.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import macros as registrar
from scripts.config import config_or_empty, plugin_settings
from scripts.data import once
from scripts.data.datasets import data_paths
from scripts.data.errors import DataError, Problem
from scripts.pages.frontmatter import read_front_matter
from tests.support.repo import REPO, copy_repo


class ZensicalEnv:
    """The parts of Zensical's MacroEnv (zensical.extensions.macros) that define_env uses."""

    def __init__(self, project: Path, page: str = "benefits.md") -> None:
        self.project_dir = str(project)
        self.conf = {"docs_dir": "docs", "use_directory_urls": True}
        self.config = {
            **plugin_settings(config_or_empty(REPO), "macros"),
            "include_yaml": data_paths(),
            "j2_block_start_string": "{%",
            "j2_extensions": [],
        }
        self.variables: dict[str, object] = {"facts": [{"raw": True}], "config": {}}
        self.macros: dict[str, object] = {}
        meta = {"reviewed": "2026-11-25", "review_due": "2027-05-25", "sources": ["nice-ta854"]}
        self.page = SimpleNamespace(path=page, url=page.removesuffix(".md") + "/", meta=meta)

    def macro(self, function: object, name: str) -> None:
        self.macros[name] = function


ZensicalEnv.__module__ = "zensical.extensions.macros"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


def test_the_module_loads_and_stops_a_build_where_mkdocs_is_not_installed() -> None:
    """As in Zensical's own environment: importing mkdocs fails."""
    script = f"""
import importlib.abc, importlib.util, sys
class NoMkDocs(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, NoMkDocs())
spec = importlib.util.spec_from_file_location("scripts/macros", {str(REPO / "scripts/macros.py")!r})
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
error = module.stop_build("data/effects.yml:7, found 300")
print(type(error).__mro__[1].__name__, error)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Exception data/effects.yml:7, found 300"


def test_under_mkdocs_the_build_stops_on_a_plugin_error() -> None:
    from mkdocs.exceptions import PluginError

    error = registrar.stop_build("docs/a.md:3, found x")
    assert isinstance(error, PluginError) and isinstance(error, registrar.BuildStopped)


def test_zensical_pages_get_macros_review_dates_and_links_zensical_resolves(
    project: Path,
) -> None:
    env = ZensicalEnv(project)
    registrar.define_env(env)
    assert env.page.meta["reviewed_text"] == "25 November 2026"
    assert env.page.meta["review_due_text"] == "25 May 2027"
    assert "facts" not in env.variables
    assert env.macros["xref"]("dosage") == "[Ketamine infusion dosage](ketamine-infusion-dosage.md)"
    # Zensical rewrites links in raw HTML from the page's source, as it does Markdown links.
    table = env.macros["table"]("risks")
    assert 'href="sources.md#' in table and 'href="../sources/' not in table


def test_under_mkdocs_raw_html_links_are_the_final_urls(project: Path) -> None:
    from tests.render.test_registrar import FakeEnv

    env = FakeEnv(project)
    registrar.define_env(env)
    table = env.macros["table"]("risks")
    assert 'href="../sources/#' in table and 'href="sources.md#' not in table


def test_a_macro_error_names_the_file_line_from_the_page_on_disk(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Zensical's page has no content_string: the line is counted in the file itself."""
    page = project / "docs/benefits.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n{{ table("effects") }}\n', encoding="utf-8")
    env = ZensicalEnv(project)
    registrar.define_env(env)
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        assert env.macros["table"]("effects") == ""
    line = text.count("\n") + 2
    assert caplog.messages[0].startswith(f"docs/benefits.md:{line}, field 'table name'")


def test_the_data_is_loaded_once_while_the_files_stay_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Zensical calls define_env before each page: the data is validated once, and again
    only after a file changes."""
    loads = []
    real = registrar.load_site_data
    monkeypatch.setattr(registrar, "load_site_data", lambda path: loads.append(path) or real(path))
    for page in ("benefits.md", "about.md", "sources.md"):
        registrar.define_env(ZensicalEnv(project, page))
    assert len(loads) == 1
    glossary = project / "data/glossary.yml"
    glossary.write_text(glossary.read_text().replace("term: NMDA", "term: NMDAR"), "utf-8")
    registrar.define_env(ZensicalEnv(project))
    assert len(loads) == 2
    snippet = project / registrar.SNIPPET
    assert "*[NMDAR]: " in snippet.read_text(encoding="utf-8")


def test_a_data_error_stops_every_page_not_only_the_first(project: Path) -> None:
    effects = project / "data/effects.yml"
    effects.write_text(effects.read_text().replace("percent: 30", "percent: 300"), "utf-8")
    for page in ("benefits.md", "about.md"):
        with pytest.raises(registrar.BuildStopped, match=r"^data/effects\.yml:7, row 'euphoria'"):
            registrar.define_env(ZensicalEnv(project, page))


def test_a_yaml_syntax_error_is_one_line_from_define_env_too(project: Path) -> None:
    """What scripts/preflight.py does for MkDocs, define_env does where there are no hooks."""
    (project / "data/risks.yml").write_text("risks:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(registrar.BuildStopped, match=r"^data/risks\.yml:\d+"):
        registrar.define_env(ZensicalEnv(project))


def test_once_keeps_a_value_or_an_error_until_an_input_changes(tmp_path: Path) -> None:
    source = tmp_path / "a.yml"
    source.write_text("one", encoding="utf-8")
    calls = []

    def step() -> str:
        calls.append(1)
        return source.read_text(encoding="utf-8")

    once.forget()
    assert once.once("test step", [source], step) == "one"
    assert once.once("test step", [source], step) == "one"
    source.write_text("two", encoding="utf-8")  # same second, same size: contents decide
    assert once.once("test step", [source], step) == "two"
    assert len(calls) == 2

    def failing() -> str:
        calls.append(1)
        raise DataError(Problem("data/a.yml", "something", "nothing"))

    for _ in range(2):
        with pytest.raises(DataError):
            once.once("failing step", [source], failing)
    assert len(calls) == 3


def test_once_keeps_no_outcome_read_while_a_file_was_being_saved(tmp_path: Path) -> None:
    """An editor's save can land while the step reads: the half-written file's error must not
    stick to the fixed file's contents once the save completes."""
    page = tmp_path / "page.md"
    page.write_text("fixed", encoding="utf-8")
    calls = []

    def step() -> str:
        calls.append(1)
        if len(calls) == 1:  # the save truncates the file, the step reads it, the save ends
            page.write_text("", encoding="utf-8")
            text = page.read_text(encoding="utf-8")
            page.write_text("fixed", encoding="utf-8")
            # as a save a second after the last one leaves it (tests run faster than the
            # clock some file systems keep)
            saved = page.stat().st_mtime_ns + 1_000_000_000
            os.utime(page, ns=(saved, saved))
        else:
            text = page.read_text(encoding="utf-8")
        if not text:
            raise DataError(Problem("docs/page.md", "front matter", "an empty file"))
        return text

    once.forget()
    with pytest.raises(DataError):
        once.once("saving step", [page], step)
    assert once.once("saving step", [page], step) == "fixed"
    assert once.once("saving step", [page], step) == "fixed"
    assert len(calls) == 2


def test_review_dates_read_the_same_from_dates_and_from_iso_text() -> None:
    mkdocs = {"reviewed": dt.date(2026, 6, 3), "review_due": dt.date(2026, 12, 1)}
    zensical = {"reviewed": "2026-06-03", "review_due": "2026-12-01"}
    for meta in (mkdocs, zensical):
        registrar.show_review_dates(meta)
        assert meta["reviewed_text"] == "3 June 2026"
        assert meta["review_due_text"] == "1 December 2026"
    broken = {"reviewed": "not a date"}
    registrar.show_review_dates(broken)
    assert "reviewed_text" not in broken


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("---\ntitle: T\n---\n\n# H\n", 4),
        ("\ufeff---\ntitle: T\n...\n# H\n", 3),
        ("# No front matter\n", 0),
        ("---\ntitle: never closed\n", 0),
    ],
)
def test_body_start_counts_front_matter_and_the_blank_lines_after_it(text: str, lines: int) -> None:
    assert read_front_matter(text).body_start == lines


ZENSICAL_RUN = """
import sys
sys.argv = ["zensical", sys.argv[1]]  # as the zensical command line gives them
from pathlib import Path
from scripts import macros
from tests.render.test_registrar_engines import ZensicalEnv
env = ZensicalEnv(Path({project!r}))
macros.define_env(env)
env.macros["table"]("effects")
env.macros["fact"]("nope")
print("build finished")
"""


@pytest.mark.parametrize(("command", "code"), [("build", 1), ("serve", 0)])
def test_zensical_build_ends_with_exit_code_1_after_reporting_every_macro_problem(
    project: Path, command: str, code: int
) -> None:
    """Zensical finishes a build whatever was logged; MkDocs' strict mode would fail it."""
    script = ZENSICAL_RUN.format(project=str(project))
    result = subprocess.run(
        [sys.executable, "-c", script, command],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == code, result.stderr
    assert result.stdout.strip() == "build finished"
    problems = result.stderr.strip().splitlines()
    assert [line.split(",")[0] for line in problems] == ["docs/benefits.md"] * 2
    assert "Traceback" not in result.stderr


def test_zensical_build_stops_at_bad_data_with_one_line_and_exit_code_1(project: Path) -> None:
    effects = project / "data/effects.yml"
    effects.write_text(effects.read_text().replace("percent: 30", "percent: 300"), "utf-8")
    script = ZENSICAL_RUN.format(project=str(project))
    result = subprocess.run(
        [sys.executable, "-c", script, "build"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("data/effects.yml:7, row 'euphoria'")
    assert "Traceback" not in result.stderr

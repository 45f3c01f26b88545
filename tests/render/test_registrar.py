"""scripts/macros.py with a stand-in for the mkdocs-macros env: what define_env does."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from scripts import macros as registrar
from scripts.config import config_or_empty, plugin_settings
from scripts.data.datasets import data_paths
from scripts.render.api import PUBLIC_MACROS
from tests.support.repo import REPO, copy_repo

DOCUMENTED = {
    "table",
    "chart",
    "xref",
    "cite",
    "fact",
    "crisis_help",
    "care_cards",
    "licence_status",
    "questions_checklist",
    "sources_list",
    "page_sources",
    "glossary",
    "whats_new",
    "feed_link",
}


class FakeEnv:
    """The parts of mkdocs-macros' plugin object that define_env uses."""

    def __init__(self, project: Path, page: str = "benefits.md") -> None:
        self.project_dir = str(project)
        self.conf = {"docs_dir": str(project / "docs"), "use_directory_urls": True}
        # The plugin's settings from mkdocs.yml (its page delimiters among them).
        self.config = {
            **plugin_settings(config_or_empty(REPO), "macros"),
            "include_yaml": data_paths(),
        }
        # What mkdocs-macros has put in the variables by the time define_env runs.
        self.variables = {
            "facts": [{"raw": True}],
            "glossary": [],
            "site_name": "kept",
            "config": {},
            "extra": {},
        }
        self.macros: dict[str, object] = {}
        source = '# Title\n\nSee {{ table("effects") }}.\n'
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=page, content_string=source))

    def macro(self, function: object, name: str) -> None:
        self.macros[name] = function


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


def test_registers_exactly_the_documented_macros(project: Path) -> None:
    env = FakeEnv(project)
    registrar.define_env(env)
    assert set(env.macros) == DOCUMENTED == set(PUBLIC_MACROS)


def test_macros_follow_the_current_page(project: Path) -> None:
    env = FakeEnv(project)
    registrar.define_env(env)
    assert env.macros["xref"]("dosage") == "[Ketamine infusion dosage](ketamine-infusion-dosage.md)"
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="guides/a.md"))
    assert env.macros["xref"]("dosage", "doses") == "[doses](../ketamine-infusion-dosage.md)"


def test_raw_include_yaml_variables_are_dropped(project: Path) -> None:
    env = FakeEnv(project)
    registrar.define_env(env)
    assert "facts" not in env.variables and "glossary" not in env.variables
    assert env.variables["site_name"] == "kept"


def test_writes_the_tooltip_snippet_only_when_it_changes(project: Path) -> None:
    snippet = project / ".build/snippets/abbreviations.md"
    registrar.define_env(FakeEnv(project))
    first = snippet.stat().st_mtime_ns
    assert snippet.read_text(encoding="utf-8").startswith("*[")
    registrar.define_env(FakeEnv(project))
    assert snippet.stat().st_mtime_ns == first, "an unchanged snippet must not be rewritten"
    glossary = project / "data/glossary.yml"
    glossary.write_text(glossary.read_text().replace("term: NMDA", "term: NMDAR"), encoding="utf-8")
    registrar.define_env(FakeEnv(project))
    assert "*[NMDAR]: " in snippet.read_text(encoding="utf-8")


def test_bad_data_becomes_a_plugin_error(project: Path) -> None:
    effects = project / "data/effects.yml"
    effects.write_text(effects.read_text().replace("percent: 30", "percent: 300"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"^data/effects\.yml:7, row 'euphoria' \(item 1\)"):
        registrar.define_env(FakeEnv(project))


def test_unknown_name_logs_one_line_and_renders_nothing(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Logged, not raised: strict mode fails the build at its end, and `mkdocs serve` lives on."""
    env = FakeEnv(project)
    registrar.define_env(env)
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        assert env.macros["table"]("effects") == ""
    assert caplog.messages == [
        "docs/benefits.md:3, field 'table name': found 'effects', expected a table name: "
        "one of common_effects, immediate_effects"
    ]


def test_misspelt_macro_in_a_page_stops_define_env(project: Path) -> None:
    with (project / "docs/benefits.md").open("a", encoding="utf-8") as handle:
        handle.write('\n{{ tabel("methods") }}\n')
    with pytest.raises(
        PluginError, match=r"docs/benefits\.md:\d+, field 'macro name'.*one of table"
    ):
        registrar.define_env(FakeEnv(project))


def test_macro_syntax_error_stops_define_env_at_the_file_line(project: Path) -> None:
    page = project / "docs/benefits.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    with page.open("a", encoding="utf-8") as handle:
        handle.write('\n## Dosing {#dosing}\n\n{{ table("methods" }}\n')
    with pytest.raises(
        PluginError, match=rf"^docs/benefits\.md:{lines + 4}, macro syntax error: unexpected '}}'"
    ):
        registrar.define_env(FakeEnv(project))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("table()", "found table() missing a required argument: 'name', expected table(name)"),
        (
            'xref("dosage", 3)',
            "found xref() given text=3, expected xref(topic, text=None), "
            "text being text in quotes or left out",
        ),
        ('cite("a", "b")', "found cite() too many positional arguments, expected cite(source)"),
        (
            "fact(trd_response)",
            "found fact() given trd_response without quotes, expected fact(name), "
            "name being text in quotes",
        ),
    ],
)
def test_wrong_call_logs_one_line_at_its_own_line(
    project: Path, caplog: pytest.LogCaptureFixture, call: str, message: str
) -> None:
    env = FakeEnv(project)
    registrar.define_env(env)
    source = (
        f"---\ntitle: T\n---\n\nIntro {{{{ cite('nice-ta854') }}}}.\n\nThen {{{{ {call} }}}}.\n"
    )
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="benefits.md", content_string=source))
    template = Environment().from_string(get_data(source)[0], globals=env.macros)
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        assert template.render().endswith("Then .")
    assert caplog.messages == [f"docs/benefits.md:7, field 'arguments': {message}"]


def test_a_page_cannot_choose_a_figure_style_of_its_own(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The style follows the figure's kind in data/: a page asking for another gets nothing,
    and the build an error line at its call."""
    env = FakeEnv(project)
    registrar.define_env(env)
    call = '{{ fact("transform2_esketamine_response", style="natural") }}'
    source = f"---\ntitle: T\n---\n\nMost people {call}.\n"
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="benefits.md", content_string=source))
    template = Environment().from_string(get_data(source)[0], globals=env.macros)
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        assert template.render().endswith("Most people .")
    assert caplog.messages == [
        "docs/benefits.md:5, field 'arguments': found fact() got an unexpected keyword argument "
        "'style', expected fact(name)"
    ]

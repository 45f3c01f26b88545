"""Names used in {{ ... }} are checked against what the pages can reach, before rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from scripts.config import config_or_empty, plugin_settings
from scripts.data.errors import DataErrors, MacroSyntaxError, UnknownNameError
from scripts.pages.templates import check_template_names, page_environment
from tests.support.repo import REPO

KNOWN = {"table", "chart", "fact", "config"}


def page(tmp_path: Path, body: str) -> Path:
    (tmp_path / "page.md").write_text(f"---\ntitle: T\nshown: yes\n---\n\n{body}\n", "utf-8")
    return tmp_path


def test_misspelt_macro_is_named_with_its_line_and_nearest_name(tmp_path: Path) -> None:
    docs = page(tmp_path, 'Intro.\n\n{{ tabel("methods") }}')
    with pytest.raises(UnknownNameError) as caught:
        check_template_names(docs, KNOWN)
    problem = caught.value.problem
    assert (problem.file, problem.line, problem.found) == ("docs/page.md", 8, "'tabel'")
    assert "one of table" in problem.expected


@pytest.mark.parametrize(
    "body",
    [
        '{{ table("methods") }} and {{ config.repo_url }}',
        "{{ page.title }} uses a per-page variable",
        "{{ shown }} comes from the front matter",
        "{% set total = 3 %}{{ total }} is defined on the page",
        "{% raw %}{{ not_a_macro }}{% endraw %} is shown as written",
        "{{ range(3) | list }} is a Jinja global",
    ],
)
def test_names_the_page_can_reach_pass(tmp_path: Path, body: str) -> None:
    check_template_names(page(tmp_path, body), KNOWN)


def test_line_numbers_survive_raw_blocks(tmp_path: Path) -> None:
    docs = page(tmp_path, "{% raw %}\n{{ a }}\n{% endraw %}\n{{ nope }}")
    with pytest.raises(UnknownNameError) as caught:
        check_template_names(docs, KNOWN)
    assert caught.value.problem.line == 9


def parser() -> Environment:
    """Jinja with the page delimiters mkdocs.yml sets (comments as [[# ... #]])."""
    return page_environment(plugin_settings(config_or_empty(REPO), "macros"))


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('Intro.\n\n{{ table("methods" }}', 8, "expected ')'"),
        ("{% if shown %}\nNever closed.\n", 6, "{% if %} is never closed (add {% endif %}"),
        # Jinja would name the last line; the editor needs the tag left open.
        ("{% if shown %}\nText.\n\nMore text.\n\nEnd.", 6, "add {% endif %}"),
        ("{% for row in rows %}{% if row %}x{% endif %}\n\nEnd.", 6, "add {% endfor %}"),
        ('Intro.\n{{ table("conditions")\n\nMore {{ fact("a") }}.', 7, "{{ is not closed with }}"),
    ],
)
def test_syntax_error_is_named_with_the_file_line(
    tmp_path: Path, body: str, line: int, words: str
) -> None:
    docs = page(tmp_path, body)
    with pytest.raises(MacroSyntaxError) as caught:
        check_template_names(docs, KNOWN, parser())
    assert str(caught.value).startswith(f"docs/page.md:{line}, macro syntax error: ")
    assert words in str(caught.value)


def test_attribute_lists_are_not_template_syntax(tmp_path: Path) -> None:
    docs = page(tmp_path, "## Dosing {#dosing}\n\n{{ fact('dose') }}")
    check_template_names(docs, KNOWN, parser())


def test_every_misspelt_name_in_every_page_is_reported(tmp_path: Path) -> None:
    page(tmp_path, '{{ tabel("methods") }}\n{{ fcat("dose") }}')
    (tmp_path / "other.md").write_text('---\ntitle: T\n---\n\n{{ chrat("x") }}\n', "utf-8")
    with pytest.raises(DataErrors) as caught:
        check_template_names(tmp_path, KNOWN)
    assert str(caught.value).splitlines() == [str(error) for error in caught.value.errors]
    located = [(e.problem.file, e.problem.line, e.problem.found) for e in caught.value.errors]
    assert located == [
        ("docs/other.md", 5, "'chrat'"),
        ("docs/page.md", 6, "'tabel'"),
        ("docs/page.md", 7, "'fcat'"),
    ]

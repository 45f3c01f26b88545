"""`make check` runs the page rules and the build in one process: each page is parsed once."""

from __future__ import annotations

import pytest
from jinja2 import TemplateSyntaxError

from scripts.config import config_or_empty, plugin_settings
from scripts.pages.templates import page_environment
from tests.support.repo import REPO

PAGE = '---\ntitle: T\n---\n\nText [[# a note #]] and {{ fact("x") }}.\n'


def test_the_same_settings_share_one_environment_and_its_parsed_pages() -> None:
    settings = plugin_settings(config_or_empty(REPO), "macros")
    # The build reads the plugin's settings, the page rules mkdocs.yml: equal settings match.
    first, second = page_environment(settings), page_environment(dict(settings))
    assert first is second
    assert first.parse(PAGE) is second.parse(PAGE)
    # The site's comment delimiters hold: [[# ... #]] is a comment, not text.
    assert "a note" not in str(first.parse(PAGE))


def test_other_settings_parse_with_their_own_delimiters() -> None:
    site = page_environment(plugin_settings(config_or_empty(REPO), "macros"))
    default = page_environment({})
    assert default is not site
    assert "a note" in str(default.parse(PAGE))


def test_a_page_that_does_not_parse_raises_each_time() -> None:
    environment = page_environment({})
    for _ in range(2):
        with pytest.raises(TemplateSyntaxError):
            environment.parse("{% if x %}\nno end\n")

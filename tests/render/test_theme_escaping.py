"""The theme files overrides/ replaces differ from Material's only by escaping.

Each override copies a block or partial of the installed theme so that titles and
descriptions from front matter are printed through `| e`. These tests keep the copies
honest: with the escaping filters taken out, each is the theme's own text, so nothing
else was changed by hand and a theme upgrade that changes the file is noticed here.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.support.repo import REPO

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"
PARTIALS = ("partials/header.html", "partials/content.html", "partials/nav-item.html",
            "partials/footer.html")  # fmt: skip
BLOCKS = ("site_meta", "htmltitle")
# A template's leading {#- ... -#} comment: the theme's says "generated", ours says why.
LEADING_COMMENT = re.compile(r"^\{#-.*?-#\}\s*", re.S)


# The other changes an override makes, as (theme's text, ours), each with its reason in the
# override's leading comment.
OTHER_CHANGES = {
    "partials/nav-item.html": [
        ('tabindex="{{ tabindex }}"', '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}'),
        # Zensical's url filter gives "" for the home page's own menu entry.
        (
            '<a href="{{ nav_item.url | url }}" class="md-nav__link">',
            '<a href="{{ nav_item.url | url or "./" }}" class="md-nav__link">',
        ),
    ],
    # Zensical's config.plugins always has an "rss" entry (its config empty when unused).
    "site_meta": [
        (
            '{% if "rss" in config.plugins %}',
            "{% if config.plugins.rss and config.plugins.rss.config %}",
        )
    ],
}


def with_other_changes(name: str, theirs: str) -> str:
    """The theme's text with the override's other changes made (every occurrence)."""
    for before, after in OTHER_CHANGES.get(name, []):
        assert before in theirs, f"the theme's {name} changed: review the override"
        theirs = theirs.replace(before, after)
    return theirs


def without_escaping(template: str) -> str:
    """The template with every `| e` filter removed and whitespace made uniform."""
    text = LEADING_COMMENT.sub("", template)
    text = re.sub(r"\s*\|\s*e\b(?=\s*(?:\||\}\}))", "", text)
    return " ".join(re.sub(r"\s*(\}\}|\{\{)\s*", r" \1 ", text).split())


def block(template: str, name: str) -> str:
    match = re.search(rf"\{{% block {name} %\}}(.*?)\{{% endblock %\}}", template, re.S)
    assert match, f"no block {name}"
    return match.group(1)


@pytest.mark.parametrize("name", PARTIALS)
def test_overridden_partial_is_the_themes_with_escaping(name: str) -> None:
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    theirs = (THEME / name).read_text(encoding="utf-8")
    theirs = with_other_changes(name, theirs)
    assert "| e" in ours, "the override exists to escape"
    assert without_escaping(ours) == without_escaping(theirs)


@pytest.mark.parametrize("name", BLOCKS)
def test_overridden_block_is_the_themes_with_escaping(name: str) -> None:
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), name)
    theirs = block((THEME / "base.html").read_text(encoding="utf-8"), name)
    theirs = with_other_changes(name, theirs)
    assert "| e" in ours
    assert without_escaping(ours) == without_escaping(theirs)


@pytest.mark.parametrize("name", [*PARTIALS, "main.html", "404.html"])
def test_front_matter_and_titles_are_never_printed_raw(name: str) -> None:
    """Every print of a title, description or subtitle in overrides/ goes through a filter
    that escapes (e, or tojson for the JSON-LD block). `typeset.title` is the typeset
    plugin's HTML of a heading (that plugin is not used here), not front matter."""
    text = (OVERRIDES / name).read_text(encoding="utf-8")
    for expression in re.findall(r"\{\{(.*?)\}\}", text, re.S):
        if "typeset" in expression:
            continue
        if re.search(r"\b(title|description|subtitle|kt_title|kt_description)\b", expression):
            assert re.search(r"\|\s*(e|tojson|urlencode)\s*$", expression.strip()), expression

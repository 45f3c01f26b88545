"""Figures in prose, as fact() writes them: the figure links to its source, no bracket."""

from __future__ import annotations

from scripts.data.figures import Figure
from scripts.data.models import SourceRow
from scripts.render.citations import Citer, PageLinks

SOURCES = {"s1": SourceRow(id="s1", publisher="P", title="T", short="Short one")}


def prose(figure: Figure, page: str = "benefits.md") -> str:
    return Citer(SOURCES, PageLinks(page)).figure_markdown(figure)


def test_a_figure_in_prose_links_to_its_source_without_a_bracketed_citation() -> None:
    """The figure is the link, so no citation breaks the sentence; screen readers hear the
    source's name, which print shows too."""
    text = prose(Figure(value=30, unit="%", qualifier="about", source="s1"))
    assert text == (
        '[about 30%<span class="kt-sr"> (source: Short one)</span>](sources.md#s1){ .kt-fig }'
    )
    assert "kt-cite" not in text


def test_a_phone_number_in_prose_is_a_tel_link() -> None:
    text = prose(Figure(text="1-855-382-6022", tel="+18553826022", source="s1"))
    assert text == "[1-855-382-6022](tel:+18553826022)"


def test_a_figure_in_prose_without_a_source_says_so_beside_it() -> None:
    text = prose(Figure(value=10, unit="%", source_note="From an article <b>"))
    assert text.startswith('10% <span class="kt-source-needed" title="From an article &lt;b&gt;">')


def test_a_source_name_cannot_add_markup_to_the_prose() -> None:
    # Validation refuses such a name; escaping is the second line of defence.
    row = SourceRow.model_construct(id="s1", publisher="P", title="T", short="A *b* [l](x) <i>")
    sources = {"s1": row}
    text = Citer(sources, PageLinks("benefits.md")).figure_markdown(Figure(value=1, source="s1"))
    assert "<i>" not in text and "&lt;i&gt;" in text
    assert "\\*b\\*" in text and "\\[l\\]" in text

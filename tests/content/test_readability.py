"""Every page reads at about age 12: Flesch-Kincaid grade 9 or lower.

What is measured is the prose a reader sees, taken from the page's Markdown:
paragraphs, list items, headings and admonition titles, each read as a
sentence. A cross-reference counts as its link text. Macro output (tables,
charts, the crisis box, citations and the generated source and glossary
lists) is left out, since it is data, not prose; an inline fact() counts as
one plain word, since its figure adds numbers, not reading difficulty.
"""

from __future__ import annotations

import pytest
import textstat

from tests.content.source import Page, all_pages, prose, xref_titles

PAGES = all_pages()
IDS = [str(p.path) for p in PAGES]
MAX_GRADE = 9.0


def grade(page: Page) -> float:
    """The Flesch-Kincaid grade of the page's prose."""
    return textstat.flesch_kincaid_grade(prose(page.body, xref_titles()))


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_prose_reads_at_grade_nine_or_lower(page: Page) -> None:
    score = grade(page)
    assert score <= MAX_GRADE, (
        f"docs/{page.path}: Flesch-Kincaid grade {score:.1f} (at most {MAX_GRADE} expected); "
        "use shorter sentences and plainer words"
    )


def test_the_measure_tells_hard_prose_from_plain() -> None:
    plain = "You can have it in a clinic. A nurse stays with you. You go home the same day."
    hard = (
        "Pharmacological antagonism of N-methyl-D-aspartate receptors precipitates "
        "glutamatergic neurotransmission alterations, subsequently facilitating "
        "synaptogenesis through brain-derived neurotrophic factor signalling cascades."
    )
    assert textstat.flesch_kincaid_grade(plain) <= MAX_GRADE < textstat.flesch_kincaid_grade(hard)

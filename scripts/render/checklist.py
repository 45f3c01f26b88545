"""The questions-to-ask checklist: boxes to tick and room for answers, printable on its own."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from scripts.data.models import ProviderQuestionRow
from scripts.render.citations import Citer

# The checklist's anchor: print.css prints the checklist alone when the page is opened at it.
CHECKLIST_ID = "kt-checklist"


def questions_checklist(rows: Sequence[ProviderQuestionRow], citer: Citer) -> str:
    """The questions in data order, each with the sources it is drawn from, under a heading
    of its own, so the list still makes sense when it is printed without the page."""
    items = "".join(_item(row, citer) for row in rows)
    heading = f"{CHECKLIST_ID}-heading"
    return (
        f'<section class="kt-checklist" id="{CHECKLIST_ID}" aria-labelledby="{heading}">'
        f'<p class="kt-checklist__heading" id="{heading}">Questions to ask a clinic</p>'
        '<p class="kt-checklist__how">Tick each question once you have an answer, and write '
        "the answer down. To print this list on its own, "
        f'<a href="#{CHECKLIST_ID}">open the list by itself</a> and then print the page.</p>'
        f'<ul class="kt-checklist__items">{items}</ul></section>'
    )


def _item(row: ProviderQuestionRow, citer: Citer) -> str:
    where = (
        f'<span class="kt-checklist__region">{escape(row.region)}:</span> ' if row.region else ""
    )
    # A question claims nothing, so one without a source needs no "not confirmed" mark:
    # its source_note tells editors why none is given.
    cited = ""
    if row.source is not None:
        links = "; ".join(citer.source_html(source) for source in (row.source, *row.also))
        cited = f' <span class="kt-checklist__source">({links})</span>'
    return (
        '<li><span class="kt-checklist__box" aria-hidden="true"></span>'
        f"{where}{escape(row.question)}{cited}</li>"
    )

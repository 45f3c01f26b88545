"""Printing a page (print.css): no navigation or search, tables whole, link targets written out."""

from __future__ import annotations

import pytest

from tests.browser.checks import print_findings, report
from tests.browser.site_pages import PAGE_IDS, SITE_PAGES, SitePage, page_for
from tests.browser.visit import Guard

pytestmark = pytest.mark.browser
# An A4 sheet at 96 dpi less Material's 25 mm margins on each side.
PAPER = {"width": 605, "height": 950}


@pytest.mark.parametrize("page", SITE_PAGES, ids=PAGE_IDS)
def test_page_prints_well(guards: dict[str, Guard], page: SitePage) -> None:
    label = f"{page.label} [print]"
    with guards["light"].visit(page.path, label, viewport=PAPER) as visit:
        findings = print_findings(visit.page)
    assert not findings, report(label, findings)


# What shows in print: the article's own children, and the checklist's questions.
PRINTED = """() => {
  const shown = (el) => el.getClientRects().length > 0;
  const article = document.querySelector('.md-content__inner');
  const checklist = document.getElementById('kt-checklist');
  return {
    checklist: checklist !== null && shown(checklist),
    questions: checklist ? checklist.querySelectorAll('li').length : 0,
    others: [...article.children].filter((el) => el !== checklist && shown(el))
      .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')),
    breakBefore: checklist ? getComputedStyle(checklist).breakBefore : '',
  };
}"""


def test_the_questions_checklist_prints_on_its_own(guards: dict[str, Guard]) -> None:
    page = page_for("ketamine-infusion-therapy-near-me.md")
    label = f"{page.label} [print, checklist]"
    # Printed whole, the page starts the checklist on a sheet of its own.
    with guards["light"].visit(page.path, label, viewport=PAPER) as visit:
        visit.page.emulate_media(media="print")
        whole = visit.page.evaluate(PRINTED)
    assert whole["checklist"] and whole["breakBefore"] == "page", whole
    assert len(whole["others"]) > 5, whole
    # Opened at the checklist's own address, the page prints the checklist and nothing else.
    with guards["light"].visit(f"{page.path}#kt-checklist", label, viewport=PAPER) as visit:
        visit.page.emulate_media(media="print")
        alone = visit.page.evaluate(PRINTED)
        visit.page.emulate_media(media="screen")
        on_screen = visit.page.evaluate(PRINTED)
    assert alone["checklist"] and alone["others"] == [], alone
    assert alone["questions"] >= 10, alone
    # On screen the page stays whole, whatever its address.
    assert set(whole["others"]) <= set(on_screen["others"]), on_screen

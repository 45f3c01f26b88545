"""Checks of what a reader gets, each returning findings: one plain sentence per problem.

The page tests and the defect tests call the same functions, so a check that stopped noticing a
missing alt text or a table too wide for a phone would fail the defect tests.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.visit import Visit

JS = Path(__file__).parent / "js"
# WCAG 2.2 levels A and AA, as axe-core tags them (2.0, 2.1 and 2.2 rules). The axe-core that
# axe-playwright-python 0.1.8 bundles (4.12) has the 2.2 rules; test_axe.py keeps it so.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# WCAG 1.4.11: focus rings and chart bars need 3:1 against what is behind them.
MIN_NON_TEXT_CONTRAST = 3.0
# More Tab stops than any page has: reaching it means focus is trapped.
MAX_TAB_STOPS = 400
NEXT_PAINT = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


# Helper files each probe needs besides describe.js.
HELPERS = {"focus": ("colour", "focus_lib"), "charts": ("colour",)}


@cache
def probe(name: str) -> str:
    """The JavaScript function in js/`name`.js, with the shared helpers it uses in scope."""
    helpers = "\n".join(
        (JS / f"{helper}.js").read_text(encoding="utf-8")
        for helper in ("describe", *HELPERS.get(name, ()))
    )
    body = (JS / f"{name}.js").read_text(encoding="utf-8").strip().rstrip(";")
    return f"(...args) => {{ {helpers}\n return ({body})(...args); }}"


def report(label: str, findings: list[str]) -> str:
    """The assertion message: the page, then one finding per line."""
    return f"{label}:\n  - " + "\n  - ".join(findings)


def load_findings(visit: Visit) -> list[str]:
    """Console errors, failed requests and requests to other hosts during the visit."""
    return (
        [f"console error: {text}" for text in visit.console_errors]
        + [f"failed request: {text}" for text in visit.failed_requests]
        + [f"request to another host (blocked): {text}" for text in visit.offsite_requests]
        + visit.stalled
    )


def axe_findings(page: Page) -> list[str]:
    """axe-core violations of WCAG 2.2 A and AA, one line per rule with the elements it flags."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    findings = []
    for violation in results.response["violations"]:
        nodes = violation["nodes"]
        where = "; ".join(f"{' '.join(node['target'])}: {_why(node)}" for node in nodes[:3])
        more = f" (and {len(nodes) - 3} more)" if len(nodes) > 3 else ""
        findings.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']} at {where}{more}"
        )
    return findings


def _why(node: dict) -> str:
    """The last line of axe's summary for one element: the concrete reason it fails."""
    lines = (node.get("failureSummary") or "").strip().splitlines()
    return lines[-1].strip() if lines else "(no summary)"


def phone_findings(page: Page) -> list[str]:
    """Sideways scrolling (of the page, or of a table in its box), text under the readable size
    or spilling out, table captions cut off, charts that do not fit."""
    seen = page.evaluate(probe("phone_layout"))
    findings = []
    if seen["sideways"]:
        wide = seen["sideways"]
        culprits = "; ".join(wide["culprits"]) or "no single element found"
        findings.append(
            f"the page scrolls sideways at {wide['width']}px ({wide['scrollWidth']}px wide): "
            f"{culprits}"
        )
    findings += [f"text smaller than 12px: {text}" for text in seen["small"]]
    findings += [f"body text smaller than 16px: {text}" for text in seen["smallBody"]]
    findings += [f"text spills out of its box: {text}" for text in seen["spilling"]]
    findings += [f"table scrolls sideways in its box: {box}" for box in seen["tableBoxes"]]
    findings += [
        f"table caption is not fully visible: {caption}" for caption in seen["cutCaptions"]
    ]
    for chart in seen["charts"]:
        if not chart["shown"]:
            findings.append(f"chart is not visible: {chart['name']}")
        elif chart["left"] < -1 or chart["right"] > chart["viewport"] + 1:
            findings.append(
                f"chart does not fit the {chart['viewport']}px screen: {chart['name']} spans "
                f"{chart['left']:.0f}px to {chart['right']:.0f}px"
            )
        elif chart["width"] > chart["room"] + 1:
            findings.append(
                f"chart is wider than its box: {chart['name']} is {chart['width']:.0f}px "
                f"in {chart['room']:.0f}px"
            )
    return findings


def _focus_problem(seen: dict) -> str | None:
    name = seen["name"]
    if not seen["shown"] or seen["width"] < 1 or seen["height"] < 1:
        return f"keyboard focus lands on {name}, which is not visible"
    if not seen["inViewport"]:
        return f"keyboard focus lands on {name}, outside the screen"
    if seen["obscuredBy"]:
        return f"keyboard focus on {name} is hidden behind {seen['obscuredBy']}"
    if not seen["indicator"]:
        return f"no focus indicator (outline or shadow) on {name}"
    if seen["contrast"] < MIN_NON_TEXT_CONTRAST:
        return (
            f"focus indicator on {name} has contrast {seen['contrast']}:1 with what is behind it "
            f"(needs {MIN_NON_TEXT_CONTRAST}:1)"
        )
    return None


def focus_finding(page: Page, seen: dict | None = None) -> str | None:
    """Why the focused element's focus is not visible enough, or None when it is."""
    seen = seen or page.evaluate(probe("focus"))
    if seen is None or _focus_problem(seen) is None:
        return None
    # Some controls change on focus (search opens); judge what the reader sees once the
    # page has painted, not the frame in between.
    page.evaluate(NEXT_PAINT)
    seen = page.evaluate(probe("focus"))
    return None if seen is None else _focus_problem(seen)


def focus_findings(page: Page) -> list[str]:
    """Press Tab through the whole page; every stop must show a visible focus indicator."""
    problems: dict[str, None] = {}
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        seen = page.evaluate(probe("focus"))
        if seen is None:  # focus has left the page: the walk is complete
            return list(problems)
        if problem := focus_finding(page, seen):
            problems.setdefault(problem)
    return [*problems, f"Tab never leaves the page after {MAX_TAB_STOPS} stops (a keyboard trap?)"]


def skip_link_findings(page: Page) -> list[str]:
    """The first Tab stop is a visible "Skip to content" link that lands in the article."""
    page.keyboard.press("Tab")
    first = page.evaluate(
        "document.activeElement.matches('a.md-skip') && document.activeElement.textContent.trim()"
    )
    if first != "Skip to content":
        return ["the first Tab stop is not a 'Skip to content' link"]
    findings = [f"skip link: {problem}"] if (problem := focus_finding(page)) else []
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    if not page.evaluate("!!document.activeElement?.closest('article')"):
        findings.append("after the skip link, the next Tab stop is not in the article")
    return findings


def print_findings(page: Page) -> list[str]:
    """In print: no navigation or controls, tables and charts whole, every link's address."""
    page.emulate_media(media="print")
    seen = page.evaluate(probe("print"))
    findings = []
    if not seen["articleShown"]:
        findings.append("the article does not print")
    findings += [f"prints navigation or a control: {name}" for name in seen["stillShown"]]
    findings += [
        f"may split across two sheets (no break-inside: avoid): {n}" for n in seen["whole"]
    ]
    if seen["unprinted"]:
        findings.append(
            f"{seen['unprintedCount']} link(s) print without their address, such as "
            + "; ".join(seen["unprinted"])
        )
    findings += [f"cut off in print (a scroll box on paper): {name}" for name in seen["cut"]]
    wide = page.evaluate(probe("phone_layout"))["sideways"]
    if wide:
        culprits = "; ".join(wide["culprits"]) or "no single element found"
        findings.append(
            f"the printed page is {wide['scrollWidth']}px wide, wider than the paper: {culprits}"
        )
    return findings

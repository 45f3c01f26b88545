"""Charts against their tables: each chart shows, has a name, and draws the table's figures.

The figures are read back from the page as the browser renders it: each bar's label, the figure
text beside it and its drawn extent against the axis ticks, then compared with the row of the
same name in the table beside the chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Page

from tests.browser.checks import MIN_NON_TEXT_CONTRAST, probe

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A drawn bar may be off by a hair of rounding, not by a real difference in the figure.
BAR_TOLERANCE = 0.01


def chart_findings(page: Page) -> list[str]:
    """Each chart shows, has an accessible name, and draws and labels the table's figures."""
    return [problem for chart in page.evaluate(probe("charts")) for problem in _chart(chart)]


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


def _numbers(text: str) -> list[float]:
    return [float(number) for number in NUMBER.findall(text)]


def _chart(chart: dict) -> list[str]:
    name = f"chart {chart['id']}"
    problems = []
    if not chart["name"]:
        problems.append(f"{name} has no accessible name (aria-labelledby, aria-label or title)")
    if not chart["shown"]:
        problems.append(f"{name} is not visible")
    problems += [f"{name}: text {text!r} runs outside the chart's box" for text in chart["cut"]]
    if not chart["bars"]:
        return [*problems, f"{name} has no labelled bars to check"]
    if chart["rows"] is None:
        return [*problems, f"{name} has no table beside it to check its figures against"]
    rows = {_key(row[0]): row for row in chart["rows"] if row}
    axis = _axis(chart["ticks"])
    for bar in chart["bars"]:
        # A bar says its figure in its own text, or after a colon in its label.
        label, _, said = bar["label"].partition(": ")
        row = rows.pop(_key(label), None)
        if row is None:
            problems.append(f"{name}: bar '{label}' has no row in the table beside it")
            continue
        figure = " ".join(bar["figures"]) or said
        problems += _figure(name, label, figure, row[1:])
        problems += _bar(name, label, figure, bar["rect"], axis)
    # A row with no figure (an effect named as common, with no confirmed rate) has nothing
    # to draw; every row with one must have its bar.
    problems += [
        f"{name}: table row '{row[0]}' has no bar in the chart"
        for row in rows.values()
        if _numbers(" ".join(row[1:]))
    ]
    return problems


def _figure(name: str, label: str, figure: str, cells: list[str]) -> list[str]:
    """The figure a bar shows must be the figure in its table row."""
    if not figure:
        return [f"{name}: bar '{label}' shows no figure"]
    wanted = _numbers(figure)
    if wanted:
        found = any(_numbers(cell)[: len(wanted)] == wanted for cell in cells)
    else:
        found = any(figure.casefold() in cell.casefold() for cell in cells)
    if found:
        return []
    return [f"{name}: '{label}' shows {figure!r} but its table row says {' | '.join(cells)!r}"]


@dataclass(frozen=True)
class Axis:
    """A numbered chart axis: maps a chart x position to the value it stands for."""

    v1: float
    x1: float
    v2: float
    x2: float

    def value(self, x: float) -> float:
        return self.v1 + (x - self.x1) * (self.v2 - self.v1) / (self.x2 - self.x1)

    @property
    def tolerance(self) -> float:
        return BAR_TOLERANCE * abs(self.v2 - self.v1)


def _axis(ticks: list[dict]) -> Axis | None:
    """The axis from the first and last numbered ticks; None for an axis of words."""
    numbered = [(_numbers(tick["text"])[0], tick["x"]) for tick in ticks if _numbers(tick["text"])]
    if len(numbered) < 2 or numbered[0][1] == numbered[-1][1]:
        return None
    (v1, x1), (v2, x2) = numbered[0], numbered[-1]
    return Axis(v1, x1, v2, x2)


def _bar(name: str, label: str, figure: str, rect: dict | None, axis: Axis | None) -> list[str]:
    """The bar is drawn, contrasts with the page, and spans the figure it is labelled with."""
    if rect is None:
        return [f"{name}: bar '{label}' is not drawn"]
    problems = []
    if rect["contrast"] < MIN_NON_TEXT_CONTRAST:
        problems.append(
            f"{name}: bar '{label}' has contrast {rect['contrast']:.2f}:1 with the page "
            f"(needs {MIN_NON_TEXT_CONTRAST}:1)"
        )
    wanted = _numbers(figure)
    if axis is None or not wanted:
        return problems
    # One figure is where the bar ends; two are where it starts and ends.
    drawn = [axis.value(rect["x"]), axis.value(rect["end"])][-len(wanted) :]
    if any(abs(d - w) > axis.tolerance for d, w in zip(drawn, wanted, strict=True)):
        shown = " to ".join(f"{d:g}" for d in drawn)
        problems.append(f"{name}: bar '{label}' is drawn to {shown}, not {figure!r}")
    return problems

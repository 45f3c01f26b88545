"""Format a Figure (and a date) the one way the site writes figures (and dates).

"30%", "about 1 in 2", "45 to 60 minutes", "0.5 mg/kg", "about £3,000 a year".
A share is written in the style of its kind (scripts/data/figures.py, KIND_STYLES):
a chance as "1 in N", a rate as a percentage.
"""

from __future__ import annotations

import datetime as dt

from scripts.data.figures import Figure, one_in

PREFIX_UNITS = {"£", "$", "€"}


def number(value: int | float, decimals: int | None = None) -> str:
    """3000 -> '3,000', 0.5 -> '0.5', 55.4 -> '55.4', 50.0 -> '50'; decimals=1: 52 -> '52.0'."""
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(figure: Figure) -> str:
    """The figure as readers see it, without its citation."""
    body = _body(figure)
    if figure.qualifier:
        body = f"{figure.qualifier} {body}"
    if figure.per:
        body = f"{body} {figure.per}"
    return body


def _body(figure: Figure) -> str:
    if figure.text is not None:
        return figure.text
    places = figure.decimals
    if figure.low is not None and figure.high is not None:  # a range: both ends given
        return _range(figure.low, figure.high, figure.unit, places)
    if figure.style == "1 in N" and figure.unit == "%" and figure.value:
        return f"1 in {one_in(figure.value)}"
    # A figure with neither text nor a range holds a value (figure_of and the facts build it so).
    return _with_unit(figure.value, figure.unit, places)  # type: ignore[arg-type]


def _with_unit(value: int | float, unit: str, places: int | None = None) -> str:
    if unit == "%":
        return f"{number(value, places)}%"
    if unit == "1 in":
        return f"1 in {number(value, places)}"
    if unit in PREFIX_UNITS:
        return f"{unit}{number(value, places)}"
    return f"{number(value, places)} {unit}".strip()


def _range(low: int | float, high: int | float, unit: str, places: int | None = None) -> str:
    if unit == "%" or unit in PREFIX_UNITS:
        return f"{_with_unit(low, unit, places)} to {_with_unit(high, unit, places)}"
    return f"{number(low, places)} to {number(high, places)} {unit}".strip()


def long_date(day: dt.date) -> str:
    """A date as readers say it, such as 3 December 2026 (changes, review dates)."""
    return f"{day.day} {day:%B %Y}"

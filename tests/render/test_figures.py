"""Figures are written one way everywhere."""

from __future__ import annotations

import pytest

from scripts.data.figures import Figure
from scripts.render.numbers import format_figure, number


@pytest.mark.parametrize(
    ("value", "text"), [(3000, "3,000"), (0.5, "0.5"), (55.4, "55.4"), (50.0, "50"), (0.75, "0.75")]
)
def test_number(value: float, text: str) -> None:
    assert number(value) == text


def test_number_with_fixed_decimals() -> None:
    assert number(52.0, 1) == "52.0"
    assert number(69.3, 1) == "69.3"
    assert number(3000, 0) == "3,000"


@pytest.mark.parametrize(
    ("figure", "style", "text"),
    [
        (Figure(value=30, unit="%"), None, "30%"),
        (Figure(value=50, unit="%", qualifier="about", style="natural"), None, "about 1 in 2"),
        (Figure(value=50, unit="%", qualifier="about", style="natural"), "number", "about 50%"),
        (Figure(value=10, unit="%", qualifier="about"), "natural", "about 1 in 10"),
        (Figure(value=3, unit="1 in", qualifier="about"), None, "about 1 in 3"),
        (Figure(low=45, high=60, unit="minutes"), None, "45 to 60 minutes"),
        (Figure(low=61, high=84, unit="%"), None, "61% to 84%"),
        (Figure(low=0.1, high=0.75, unit="mg/kg"), None, "0.1 to 0.75 mg/kg"),
        (Figure(value=0.5, unit="mg/kg"), None, "0.5 mg/kg"),
        (
            Figure(value=3000, unit="£", qualifier="about", per="a year"),
            None,
            "about £3,000 a year",
        ),
        (Figure(value=2, unit="hours", qualifier="at least"), None, "at least 2 hours"),
        (Figure(value=18, qualifier="under"), None, "under 18"),
        (Figure(text="140/90", qualifier="about"), None, "about 140/90"),
        (Figure(value=52.0, unit="%", decimals=1), None, "52.0%"),
        (Figure(low=21, high=26, unit="%", decimals=1), None, "21.0% to 26.0%"),
    ],
)
def test_format_figure(figure: Figure, style: str | None, text: str) -> None:
    assert format_figure(figure, style) == text

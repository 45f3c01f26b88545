"""Figures are written one way everywhere."""

from __future__ import annotations

import typing

import pytest

from scripts.data.figures import KIND_STYLES, Figure
from scripts.data.models import FactRow
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
    ("figure", "text"),
    [
        (Figure(value=30, unit="%"), "30%"),
        (Figure(value=50, unit="%", qualifier="about", kind="chance"), "about 1 in 2"),
        (Figure(value=50, unit="%", qualifier="about", kind="rate"), "about 50%"),
        (Figure(value=50, unit="%", qualifier="about"), "about 50%"),
        (Figure(value=10, unit="%", qualifier="about", kind="chance"), "about 1 in 10"),
        (Figure(value=3, unit="1 in", qualifier="about", kind="chance"), "about 1 in 3"),
        (Figure(low=45, high=60, unit="minutes"), "45 to 60 minutes"),
        (Figure(low=61, high=84, unit="%"), "61% to 84%"),
        (Figure(low=0.1, high=0.75, unit="mg/kg"), "0.1 to 0.75 mg/kg"),
        (Figure(value=0.5, unit="mg/kg"), "0.5 mg/kg"),
        (
            Figure(value=3000, unit="£", qualifier="about", per="a year"),
            "about £3,000 a year",
        ),
        (Figure(value=2, unit="hours", qualifier="at least"), "at least 2 hours"),
        (Figure(value=18, qualifier="under"), "under 18"),
        (Figure(text="140/90", qualifier="about"), "about 140/90"),
        (Figure(value=52.0, unit="%", decimals=1), "52.0%"),
        (Figure(low=21, high=26, unit="%", decimals=1), "21.0% to 26.0%"),
    ],
)
def test_format_figure(figure: Figure, text: str) -> None:
    assert format_figure(figure) == text


def test_each_kind_of_share_has_one_style_set_in_one_place() -> None:
    """The style is the kind's, whatever the figure: a chance never shows as a percentage."""
    assert KIND_STYLES == {"chance": "1 in N", "rate": "percentage"}
    # The data files may name only these kinds.
    kind = FactRow.model_fields["kind"].annotation
    assert set(typing.get_args(typing.get_args(kind)[0])) == set(KIND_STYLES)
    for kind, expected in (("chance", "1 in 4"), ("rate", "25%"), (None, "25%")):
        assert format_figure(Figure(value=25, unit="%", kind=kind)) == expected

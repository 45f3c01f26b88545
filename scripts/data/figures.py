"""A figure: one number, range or short phrase, with the source that backs it.

Table rows and facts both end up as `Figure`s, so every figure on the site is
formatted and cited by the same code (scripts/render/numbers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from scripts.data.models import PercentSpan, Span

# One number style per kind of figure, chosen once for the whole site; the renderer
# (scripts/render/numbers.py) applies it and the data checks hold a figure to it.
#   chance: how likely something is for one person, written "1 in N" ("about 1 in 10"),
#           the form readers picture most easily; only for a share close to 1 in N
#   rate:   a share measured in a trial, study or service, written as a percentage
#           ("61%"), so rates set side by side can be compared; a percentage's default
# Figures that are not shares (doses, times, counts) have no kind.
KIND_STYLES: dict[str, str] = {"chance": "1 in N", "rate": "percentage"}
DEFAULT_KIND = "rate"


def one_in(percent: float) -> int:
    """N of "1 in N" for a share of `percent`%: what the renderer shows and the checks test."""
    return round(100 / percent)


@dataclass(frozen=True)
class Figure:
    """One number, range or phrase, with how to show it and the source that backs it."""

    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    text: str | None = None
    unit: str = ""
    qualifier: str | None = None
    kind: str | None = None  # a key of KIND_STYLES, for a share; None means DEFAULT_KIND
    per: str | None = None
    decimals: int | None = None  # fixed decimal places; None shows as many as the figure has
    tel: str | None = None
    source: str | None = None
    source_note: str | None = None

    @property
    def style(self) -> str:
        """How the figure is written, from its kind: "1 in N" or "percentage"."""
        return KIND_STYLES[self.kind or DEFAULT_KIND]


def figure_of(row: BaseModel, field: str) -> Figure:
    """The figure held by `field` of a table row (declared in the model's FIGURES)."""
    # FIGURES is a ClassVar of the table models, which BaseModel does not declare.
    unit = type(row).FIGURES[field]  # type: ignore[attr-defined]
    raw = getattr(row, field)
    cited: dict[str, Any] = {
        "source": getattr(row, "source", None),
        "source_note": getattr(row, "source_note", None),
    }
    if isinstance(raw, (Span, PercentSpan)):
        return Figure(low=raw.min, high=raw.max, unit=unit, **cited)
    if isinstance(raw, str):
        return Figure(text=raw, **cited)
    return Figure(value=raw, unit=unit, **cited)

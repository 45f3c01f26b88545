"""Charts drawn at build time as inline SVG: no script, no library in the browser.

Colours come from CSS classes in data.css that use Material's variables, so
one drawing works in the light and the dark palette. Every chart has a title
and a description (the figures in words) and sits beside its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from scripts.data.models import (
    CommonEffectRow,
    ComparisonRow,
    EffectRow,
    MethodRow,
    PercentSpan,
    TimeScale,
)
from scripts.render.numbers import number

WIDTH = 400  # viewBox units; the SVG scales to its box, so 400 reads well on a 360 px phone
PLOT_WIDTH = WIDTH - 90  # what is left after the longest bar for its value ("45–60 min", bold)
LABEL_GAP = 6
ROW = 52
NOTE = 20  # extra row height for a note line under the bar
BAR = 18
AXIS = 28
TIME_SCALES: tuple[TimeScale, ...] = ("minutes", "hours", "days", "weeks", "months")
PERCENT_AXIS = [(value, f"{value}%") for value in (0, 25, 50, 75, 100)]


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, extent, value text and whether a source backs it."""

    label: str
    start: float  # where the bar begins, in chart units
    end: float
    value_text: str
    confirmed: bool = True
    note: str = ""  # words under the bar, where they would not fit after it


def chart_figure(
    name: str,
    title: str,
    summary: str,
    bars: Sequence[Bar],
    axis: Sequence[tuple[float, str]],
    scale_max: float,
    caption: str,
) -> str:
    """One chart: labelled horizontal bars over a labelled axis, in a figure with `caption`;
    the description and the caption end with the words for any bar no source confirms."""
    note = unconfirmed_note([bar.label for bar in bars], [bar.confirmed for bar in bars])
    if note:
        summary, caption = f"{summary} {note}", f"{caption} {note}"
    row = ROW + (NOTE if any(bar.note for bar in bars) else 0)
    height = len(bars) * row + AXIS
    ids = f"kt-chart-{name}-title kt-chart-{name}-desc"
    parts = [
        f'<figure class="kt-chart" id="kt-chart-{name}">'
        f'<svg class="kt-chart__svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{ids}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="kt-chart-{name}-title">{escape(title)}</title>',
        f'<desc id="kt-chart-{name}-desc">{escape(summary)}</desc>',
    ]
    parts += _axis(axis, scale_max, height)
    for index, bar in enumerate(bars):
        parts += _bar(bar, index * row, scale_max)
    parts.append(f"</svg><figcaption>{escape(caption)}</figcaption></figure>")
    return "".join(parts)


def _x(value: float, scale_max: float) -> str:
    return number(round(value / scale_max * PLOT_WIDTH, 1))


def _axis(axis: Sequence[tuple[float, str]], scale_max: float, height: int) -> list[str]:
    bottom = height - AXIS + 4
    parts = []
    for value, label in axis:
        x = _x(value, scale_max)
        parts.append(f'<line class="kt-chart__grid" x1="{x}" y1="0" x2="{x}" y2="{bottom}"/>')
        anchor = "start" if value == 0 else "middle"
        parts.append(_text("kt-chart__axis", x, height - 6, label, anchor))
    return parts


def _bar(bar: Bar, top: int, scale_max: float) -> list[str]:
    x1, x2 = _x(bar.start, scale_max), _x(bar.end, scale_max)
    width = number(max(float(x2) - float(x1), 2))
    css = "kt-chart__bar" if bar.confirmed else "kt-chart__bar kt-chart__bar--unconfirmed"
    after = number(float(x2) + LABEL_GAP)
    parts = [
        _text("kt-chart__label", "0", top + 16, bar.label),
        f'<rect class="{css}" x="{x1}" y="{top + 22}" width="{width}" height="{BAR}" rx="2"/>',
    ]
    if bar.value_text:
        parts.append(_text("kt-chart__value", after, top + 36, bar.value_text))
    if bar.note:
        parts.append(_text("kt-chart__note", "0", top + 22 + BAR + 17, bar.note))
    return parts


def _text(css: str, x: str, y: int, content: str, anchor: str | None = None) -> str:
    aligned = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text class="{css}" x="{x}" y="{y}"{aligned}>{escape(content)}</text>'


def unconfirmed_note(labels: Sequence[str], confirmed: Sequence[bool]) -> str:
    """The caption's words for figures no source confirms, worked out from the rows' sources.

    Empty when every row has a source; otherwise one sentence, naming the rows
    when only some of them lack a source.
    """
    missing = [_in_sentence(label) for label, ok in zip(labels, confirmed, strict=True) if not ok]
    if not missing:
        return ""
    if len(missing) == len(labels):
        return "These figures are not confirmed by a published source."
    if len(missing) == 1:
        return f"The entry for {missing[0]} is not confirmed by a published source."
    names = f"{', '.join(missing[:-1])} and {missing[-1]}"
    return f"The entries for {names} are not confirmed by a published source."


def _in_sentence(label: str) -> str:
    """'Standard antidepressants' -> 'standard antidepressants'; 'IV infusion' stays."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def common_effects_chart(rows: Sequence[CommonEffectRow]) -> str:
    """The confirmed rates: a bar from the low to the high end of each range the label gives
    (or from 0 to a single figure), named with where the figure comes from. Effects a source
    names without a rate are only in the table beside the chart."""
    rated = [r for r in rows if r.percent is not None]
    bars = [Bar(r.effect, *_percent_span(r), _percent_text(r), note=_seen_in(r)) for r in rated]
    words = "; ".join(f"{r.effect}, {_seen_in(r)}: {_percent_text(r, ' to ')}" for r in rated)
    caption = (
        "Share of people who had each effect: ranges from the esketamine label's trials, "
        "and one figure for ketamine given into a vein (IV). The table also lists common "
        "effects that have no confirmed rate."
    )
    return chart_figure(
        "common_effects",
        "How many people had each effect, where a source gives a rate",
        f"Bar chart. {words}.",
        bars,
        PERCENT_AXIS,
        100,
        caption,
    )


def _seen_in(row: CommonEffectRow) -> str:
    """Where the figure comes from, under its bar: 'Esketamine trials' or 'IV ketamine'."""
    return CommonEffectRow.SEEN_IN[row.seen_in]


def _percent_span(row: CommonEffectRow) -> tuple[float, float]:
    if isinstance(row.percent, PercentSpan):
        return row.percent.min, row.percent.max
    return 0, row.percent or 0


def _percent_text(row: CommonEffectRow, between: str = "–") -> str:
    if isinstance(row.percent, PercentSpan):
        return f"{number(row.percent.min)}%{between}{number(row.percent.max)}%"
    return f"{number(row.percent or 0)}%"


def effects_chart(rows: Sequence[EffectRow]) -> str:
    """The bar chart of the immediate effects and how often each happens."""
    bars = [
        Bar(r.effect, 0, r.percent, f"{number(r.percent)}%", r.source is not None) for r in rows
    ]
    words = "; ".join(f"{r.effect}: {number(r.percent)}%" for r in rows)
    return chart_figure(
        "immediate_effects",
        "Effects and rates as the article this guide is based on gives them",
        f"Bar chart. {words}.",
        bars,
        PERCENT_AXIS,
        100,
        "Share of people reporting each effect.",
    )


def session_length_chart(rows: Sequence[MethodRow]) -> str:
    """The bar chart of how long a session lasts for each way of giving ketamine."""
    top = max(r.session_minutes.max for r in rows)
    scale_max = -(-top // 15) * 15  # round up to the next quarter hour
    bars = [
        Bar(
            r.name,
            r.session_minutes.min,
            r.session_minutes.max,
            f"{r.session_minutes.min}–{r.session_minutes.max} min",
            r.source is not None,
        )
        for r in rows
    ]
    words = "; ".join(
        f"{r.name}: {r.session_minutes.min} to {r.session_minutes.max} minutes" for r in rows
    )
    axis = [(v, f"{v} min" if v else "0") for v in range(0, scale_max + 1, 15)]
    caption = (
        "Typical session time, from the shortest to the longest, as the source article gives "
        "it. It does not say what a session includes, so checks before and after may add time."
    )
    return chart_figure(
        "session_length",
        "Typical session time by method",
        f"Range chart of session time in minutes. {words}.",
        bars,
        axis,
        scale_max,
        caption,
    )


def onset_chart(rows: Sequence[ComparisonRow]) -> str:
    """The chart of how soon each treatment starts to work."""
    position = {scale: index for index, scale in enumerate(TIME_SCALES)}
    # The words go under the bar: a bar reaching "months" leaves no room after it.
    bars = [
        Bar(
            r.treatment,
            position[r.onset.start],
            position[r.onset.end] + 1,
            "",
            r.source is not None,
            r.onset_text,
        )
        for r in rows
    ]
    words = "; ".join(f"{r.treatment}: {r.onset_text.lower()}" for r in rows)
    axis = [(index + 0.5, scale) for index, scale in enumerate(TIME_SCALES)]
    caption = "How soon each treatment can start to help, on a scale from minutes to months."
    return chart_figure(
        "onset",
        "How soon treatment can start to help",
        f"Timeline from minutes to months. {words}.",
        bars,
        axis,
        len(TIME_SCALES),
        caption,
    )

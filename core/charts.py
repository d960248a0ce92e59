"""Small server-side SVG charts drawn from templates (``templates/core/charts/``): the geometry is
computed here, the markup lives in the template. No JavaScript library, nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .formatting import format_points

BAR = "#b3261e"
BAR_LIGHT = "#e8a39e"
NEGATIVE = "#59636e"
GRID = "#d0d7de"
TEXT = "#1f2328"
COLOURS = {"bar": BAR, "grid": GRID, "text": TEXT}


def _scale(values: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    return min([Decimal(0), *values]), max([Decimal(1), *values])


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    x: str
    y: int
    width: str
    value_x: str
    colour: str


def ranking_bars(
    labels: Sequence[str], values: Sequence[Decimal], *, highlight: str | None = None, title: str = ""
) -> SafeString:
    """A horizontal bar per unit, in the order given (already ranked), negative totals to the left."""
    row_height, label_width, width, pad = 22, 190, 760, 40
    height = row_height * len(labels) + 30
    low, high = _scale(values)
    span = float(high - low) or 1.0
    plot = width - label_width - pad

    def x(value: Decimal) -> float:
        return label_width + (float(value - low) / span) * plot

    zero = x(Decimal(0))
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        start, end = sorted((zero, x(value)))
        colour = NEGATIVE if value < 0 else (BAR if highlight in (None, label) else BAR_LIGHT)
        bars.append(
            Bar(
                label=label,
                value=format_points(value),
                x=f"{start:.1f}",
                y=index * row_height + 4,
                width=f"{max(end - start, 1):.1f}",
                value_x=f"{end + 4:.1f}",
                colour=colour,
            )
        )
    context = {
        "title": title,
        "width": width,
        "height": height,
        "zero": f"{zero:.1f}",
        "axis_end": height - 20,
        "label_x": label_width - 6,
        "bar_height": row_height - 6,
        "bars": bars,
        **COLOURS,
    }
    return SafeString(render_to_string("core/charts/ranking_bars.svg", context))


@dataclass(frozen=True)
class Tick:
    y: str
    text: str


@dataclass(frozen=True)
class Point:
    label: str
    x: str
    y: str | None
    value: str


def trend_line(labels: Sequence[str], values: Sequence[Decimal | None], *, title: str = "") -> SafeString:
    """A line of a unit's quarterly totals; quarters without a total are gaps."""
    width, height, left, bottom, top = 760, 240, 44, 40, 16
    low, high = _scale([v for v in values if v is not None])
    high = max(high, Decimal(15))
    span = float(high - low) or 1.0
    step = (width - left - 44) / max(len(labels) - 1, 1)  # room for the last label

    def y(value: Decimal) -> float:
        return top + (1 - float(value - low) / span) * (height - top - bottom)

    ticks = [Tick(f"{y(t):.1f}", format_points(t)) for t in (low, Decimal(0), high)]
    points = []
    segments: list[list[str]] = [[]]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        px = left + index * step
        if value is None:
            points.append(Point(label, f"{px:.1f}", None, ""))
            segments.append([])
            continue
        py = y(value)
        points.append(Point(label, f"{px:.1f}", f"{py:.1f}", format_points(value)))
        segments[-1].append(f"{px:.1f},{py:.1f}")
    context = {
        "title": title,
        "width": width,
        "height": height,
        "left": left,
        "right": width - 10,
        "label_y": height - 12,
        "ticks": ticks,
        "points": points,
        "lines": [" ".join(s) for s in segments if len(s) > 1],
        **COLOURS,
    }
    return SafeString(render_to_string("core/charts/trend_line.svg", context))

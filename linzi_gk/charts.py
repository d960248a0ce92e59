"""Small server-side SVG charts: no JavaScript library, nothing fetched from outside."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .numbers import format_points

BAR = "#b3261e"
BAR_LIGHT = "#e8a39e"
NEGATIVE = "#59636e"
GRID = "#d0d7de"
TEXT = "#1f2328"


def _scale(values: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    low = min([Decimal(0), *values])
    high = max([Decimal(1), *values])
    return low, high


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
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg" font-size="12">',
        f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height - 20}" stroke="{GRID}"/>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = index * row_height + 4
        start, end = sorted((zero, x(value)))
        colour = NEGATIVE if value < 0 else (BAR if highlight in (None, label) else BAR_LIGHT)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" fill="{TEXT}">{escape(label)}</text>'
            f'<rect x="{start:.1f}" y="{y}" width="{max(end - start, 1):.1f}" height="{row_height - 6}" fill="{colour}">'
            f"<title>{escape(label)}：{format_points(value)}分</title></rect>"
            f'<text x="{end + 4:.1f}" y="{y + 13}" fill="{TEXT}">{format_points(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def trend_line(labels: Sequence[str], values: Sequence[Decimal | None], *, title: str = "") -> SafeString:
    """A line of a unit's quarterly totals; quarters it was not assessed in are gaps."""
    width, height, left, bottom, top = 760, 240, 44, 40, 16
    present = [v for v in values if v is not None]
    low, high = _scale(present)
    high = max(high, Decimal(15))
    span = float(high - low) or 1.0
    step = (width - left - 44) / max(len(labels) - 1, 1)  # room for the last label

    def point(index: int, value: Decimal) -> tuple[float, float]:
        return left + index * step, top + (1 - float(value - low) / span) * (height - top - bottom)

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg" font-size="12">'
    ]
    for tick in (low, Decimal(0), high):
        _, y = point(0, tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{TEXT}">{format_points(tick)}</text>'
        )
    segment: list[str] = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x, _ = point(index, Decimal(0))
        parts.append(f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" fill="{TEXT}">{escape(label)}</text>')
        if value is None:
            if len(segment) > 1:
                parts.append(f'<polyline fill="none" stroke="{BAR}" stroke-width="2" points="{" ".join(segment)}"/>')
            segment = []
            continue
        px, py = point(index, value)
        segment.append(f"{px:.1f},{py:.1f}")
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{BAR}"><title>{escape(label)}：{format_points(value)}分</title></circle>'
            f'<text x="{px:.1f}" y="{py - 8:.1f}" text-anchor="middle" fill="{TEXT}">{format_points(value)}</text>'
        )
    if len(segment) > 1:
        parts.append(f'<polyline fill="none" stroke="{BAR}" stroke-width="2" points="{" ".join(segment)}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))

"""Text in a narrow table cell (a unit's name) that would wrap: printed a step or two smaller so
that it fits on one line (down to 10 pt; to 9 pt rather than leave one character alone on the last
line, ``区住房保障事务服务中`` / ``心``), or, where even that does not fit and a character would be
left alone, broken into evenly filled lines.

The widths are estimated as the fonts draw them: a Chinese character (and full-width punctuation)
is 1 em, ASCII letters, digits and half-width punctuation about half of that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PT_MM = 25.4 / 72
CELL_PADDING_MM = 2.0
"""Left and right padding of a table cell (``official.css``: 1 mm each)."""
SAFETY_MM = 0.8
"""Kept free in every cell: rules, rounding, and the line breaker's own choices."""
STEPS_PT = (11.0, 10.5, 10.0, 9.5, 9.0)
"""The sizes tried, largest first, before a text is broken into even lines instead."""
SMALLEST_PT = 10.0
"""The smallest size for a text that would wrap without leaving a character alone."""


def char_em(char: str) -> float:
    return 0.5 if ord(char) < 0x2E80 else 1.0


def text_em(text: str) -> float:
    return sum(char_em(c) for c in text)


def wrap(text: str, capacity_em: float) -> list[str]:
    """The lines a greedy breaker makes (any character may end a line, as in Chinese text)."""
    lines: list[str] = []
    line, used = "", 0.0
    for char in text:
        width = char_em(char)
        if line and used + width > capacity_em + 1e-9:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += width
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Fit:
    size_pt: float | None = None
    """A smaller font size for the cell, or ``None`` to keep the table's."""
    lines: tuple[str, ...] = ()
    """Forced lines (evenly filled), or empty to let the text wrap by itself."""


def fit_cell(text: str, width_mm: float, size_pt: float) -> Fit:
    """How to print ``text`` in a cell ``width_mm`` wide so that no line holds a single character."""
    if "\n" in text or len(text) < 3:
        return Fit()
    usable = width_mm - CELL_PADDING_MM - SAFETY_MM
    capacity = usable / (size_pt * PT_MM)
    lines = wrap(text, capacity)
    if len(lines) == 1:
        return Fit()
    widow = len(lines[-1].strip()) <= 1
    for step in STEPS_PT:
        if step < size_pt and (widow or step >= SMALLEST_PT) and text_em(text) <= usable / (step * PT_MM):
            return Fit(size_pt=step)
    if not widow:
        return Fit()
    count = len(lines)
    per_line = math.ceil(len(text) / count)
    even = tuple(text[i : i + per_line] for i in range(0, len(text), per_line))
    if len(even) == count and all(text_em(line) <= capacity for line in even):
        return Fit(lines=even)
    return Fit()

"""Figures of the month grid that are possible but hardly plausible (99999 items published, or far
more than the unit's own recent months): saving them asks for a confirmation first, in the browser
(``static/js/grid.js``, with the same numbers sent in the page) and on the server (without script)."""

from __future__ import annotations

from dataclasses import dataclass

from core.calendar import Month

from .selectors import FIELD_LABELS, GRID_FIELDS, recent_publications

LIMITS = {"publications": 500, "submitted": 30, "non_compliant": 30, "city_adopted": 10, "province_adopted": 10}
"""A figure at or above this is doubtful whatever the unit's history."""
RATIO, MARGIN = 3, 30
"""A publication count above both ``RATIO`` times and ``MARGIN`` more than the unit's highest recent
month is doubtful (区商务局 12, 1, 11 → above 42)."""
CONFIRM_FIELD = "confirm_implausible"


def is_doubtful(field: str, value: int | None, recent: list[int]) -> bool:
    if value is None:
        return False
    if value >= LIMITS[field]:
        return True
    if field == "publications" and recent:
        top = max(recent)
        return value > max(RATIO * top, top + MARGIN)
    return False


@dataclass(frozen=True)
class Doubt:
    unit_id: int
    unit: str
    field: str
    value: int
    recent: tuple[int, ...]

    def __str__(self) -> str:
        why = (
            f"近{len(self.recent)}个月为{'、'.join(str(n) for n in self.recent)}"
            if self.field == "publications" and self.recent
            else "远超常见数值"
        )
        return f"{self.unit} {FIELD_LABELS[self.field]} {self.value}（{why}）"


def doubtful_values(*, month: Month, rows, names: dict[int, str]) -> list[Doubt]:
    """The changed figures of ``rows`` (:class:`~submissions.services.grid.GridRowInput`) that are
    doubtful, in row order."""
    changed = [row for row in rows if row.values != row.original]
    recent = recent_publications(unit_ids=[row.unit_id for row in changed], month=month) if changed else {}
    doubts = []
    for row in changed:
        history = recent.get(row.unit_id, [])
        for field in GRID_FIELDS:
            value = getattr(row.values, field)
            if value != getattr(row.original, field) and is_doubtful(field, value, history):
                doubts.append(Doubt(row.unit_id, names.get(row.unit_id, ""), field, value, tuple(history)))
    return doubts


def limits_attribute() -> str:
    """The limits in column order, for the page (``data-limits``)."""
    return ",".join(str(LIMITS[field]) for field in GRID_FIELDS)

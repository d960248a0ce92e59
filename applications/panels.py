"""What the register adds to a unit's own page through :mod:`core.panels`: its open applications
with their due dates and working days left, those near or past the deadline marked."""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from units.models import Unit, User

from .selectors import NEAR_WORKING_DAYS, days_left, keeps_register, may_edit_unit, open_applications

SHOWN = 10


def open_rows(unit: Unit, today: datetime.date) -> list[dict]:
    """The unit's open applications, soonest due first, each with its working days left."""
    rows = []
    for application in open_applications(unit):
        left = days_left(application, today)
        rows.append(
            {
                "application": application,
                "left": left,
                "overdue": left is not None and left < 0,
                "late_by": -left if left is not None and left < 0 else 0,
                "near": left is not None and 0 <= left <= NEAR_WORKING_DAYS,
            }
        )
    return rows


def unit_panel(*, user: User, unit: Unit, today: datetime.date) -> SafeString | None:
    if not keeps_register(unit):
        return None
    rows = open_rows(unit, today)
    context = {
        "unit": unit,
        "rows": rows[:SHOWN],
        "more": max(0, len(rows) - SHOWN),
        "open_count": len(rows),
        "overdue_count": sum(1 for r in rows if r["overdue"]),
        "near_count": sum(1 for r in rows if r["near"]),
        "can_edit": may_edit_unit(user, unit),
    }
    return SafeString(render_to_string("applications/_unit_panel.html", context))

"""The office's overview of every unit's register: per unit the open applications (overdue, near
the deadline, waiting for a correction) and the year's received and late answers, and every
application overdue or near its deadline across the district. No applicant's data: the office
opens an application to see it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from units.models import Unit

from .models import ANSWERED_LATE, Application
from .selectors import NEAR_WORKING_DAYS, days_left, open_applications

Status = Application.Status


@dataclass
class UnitLine:
    unit: Unit
    open: int = 0
    awaiting: int = 0
    overdue: int = 0
    near: int = 0
    received: int = 0
    answered: int = 0
    late: int = 0


@dataclass
class Overview:
    year: int
    lines: list[UnitLine] = field(default_factory=list)
    urgent: list[tuple[Application, int]] = field(default_factory=list)
    """Open applications overdue or near the deadline, soonest due first, with working days left."""
    without_register: list[Unit] = field(default_factory=list)


def overview(*, today: datetime.date, year: int) -> Overview:
    """Three queries whatever the number of units and applications."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    stats = {
        row["unit"]: row
        for row in Application.objects.order_by()
        .values("unit")
        .annotate(
            received=Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
            answered=Count("pk", filter=Q(answered_on__gte=start, answered_on__lte=end)),
            late=Count("pk", filter=Q(answered_on__gte=start, answered_on__lte=end) & ANSWERED_LATE),
        )
    }
    result = Overview(year)
    lines: dict[int, UnitLine] = {}
    for unit in Unit.objects.order_by("category", "sort_order", "name"):
        if unit.pk not in stats:
            if unit.is_assessed:
                result.without_register.append(unit)
            continue
        row = stats[unit.pk]
        lines[unit.pk] = UnitLine(unit, received=row["received"], answered=row["answered"], late=row["late"])
    for application in open_applications():
        line = lines.get(application.unit_id)
        if line is None:
            continue
        line.open += 1
        if application.status == Status.AWAITING_CORRECTION:
            line.awaiting += 1
            continue
        left = days_left(application, today)
        if left is not None and left < 0:
            line.overdue += 1
        elif left is not None and left <= NEAR_WORKING_DAYS:
            line.near += 1
        if left is not None and left <= NEAR_WORKING_DAYS:
            result.urgent.append((application, left))
    result.lines = list(lines.values())
    return result

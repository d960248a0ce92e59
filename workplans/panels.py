"""What the work plan adds to other apps' pages through :mod:`core.panels`: a card on a unit's own
page (its tasks, ledger and overdue tasks) and the overdue tasks offered to the quarterly notice."""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from core.calendar import Quarter
from core.panels import NoticeProblem
from core.versioning import Kind, versioned
from units.models import Unit, User

from .models import Ledger
from .selectors import current_plan, overdue_units, unit_task_states

NOTICE_PROBLEM = "工作方案任务落实方面部分单位存在任务逾期未完成问题，如{units}等"


def unit_panel(*, user: User, unit: Unit, today: datetime.date) -> SafeString | None:
    """The unit's tasks of the current plan (this year's, else the latest): its ledger and overdue
    tasks; drawn once per process and change of the work plans."""
    return versioned(
        ("workplans_panel", unit.pk, today, user.is_office),
        lambda: _unit_panel(can_edit=not user.is_office, unit=unit, today=today),
        kinds=(Kind.WORKPLANS, Kind.UNITS),
    )


def _unit_panel(*, can_edit: bool, unit: Unit, today: datetime.date) -> SafeString | None:
    plan = current_plan(today)
    if plan is None:
        return None
    states = unit_task_states(plan, unit, today)
    if not states:
        return None
    ledger = Ledger.objects.filter(plan=plan, unit=unit).first()
    context = {
        "plan": plan,
        "unit": unit,
        "states": states,
        "overdue": [s for s in states if s.overdue],
        "ledger": ledger,
        "ledger_late": today > plan.ledger_deadline and (ledger is None or ledger.status != Ledger.Status.SUBMITTED),
        "can_edit": can_edit,
    }
    return SafeString(render_to_string("workplans/_unit_panel.html", context))


def overdue_notice_problems(*, year: int, quarter: int, as_of: datetime.date) -> list[NoticeProblem]:
    """Assessed units late with a task of the plan of ``year`` at the end of the quarter (or ``as_of``)."""
    cutoff = min(as_of, Quarter(year, quarter).end)
    units = overdue_units(year, cutoff)
    if not units:
        return []
    ordered = sorted(units, key=lambda u: (u.category != Unit.Category.DEPARTMENT, u.sort_order, u.name))
    return [NoticeProblem(NOTICE_PROBLEM, [u.name for u in ordered])]

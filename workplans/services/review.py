"""回头看: carrying a past plan's unfinished tasks into the next year's plan."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import User

from ..models import Task, TaskUnit, WorkPlan
from ..selectors import reported_statuses
from ..status import task_state
from ..timelimits import TimeLimitKind, parse_time_limit

KEEP_TIME_LIMIT = {TimeLimitKind.RECURRING, TimeLimitKind.EVENT, TimeLimitKind.ONGOING, TimeLimitKind.PERIOD}
"""Rules that still read right in the new year; a dated (or missing) time limit gets the carry deadline."""
CARRIED_VIA = "回头看转入"


@dataclass(frozen=True)
class CarryResult:
    plan: WorkPlan
    tasks_created: int
    units_added: int


def _target_plan(year: int, acting_user: User) -> WorkPlan:
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None:
        plan = WorkPlan(
            year=year, title=WorkPlan.default_title(year), ledger_deadline=WorkPlan.default_ledger_deadline(year)
        )
        plan.stamp(acting_user=acting_user, reason="回头看转入未完成任务")
        plan.full_clean()
        plan.save()
    return plan


def _time_limit_text(task: Task, deadline: datetime.date) -> str:
    if task.time_limit_kind in KEEP_TIME_LIMIT:
        return task.time_limit_text
    return f"{deadline.year}年{deadline.month}月{deadline.day}日前"


def _carried_task(old: Task, target: WorkPlan, deadline: datetime.date, acting_user: User) -> tuple[Task, bool]:
    existing = Task.objects.filter(plan=target, source=Task.Source.CARRIED, carried_from=old).first()
    if existing is not None:
        return existing, False
    number = (target.tasks.filter(source=Task.Source.CARRIED).aggregate(n=Max("number"))["n"] or 0) + 1
    text = _time_limit_text(old, deadline)
    limit = parse_time_limit(text, target.year)
    task = Task(
        plan=target,
        source=Task.Source.CARRIED,
        number=number,
        area=old.area,
        subarea=old.subarea,
        requirement=old.requirement,
        responsible_text="",
        time_limit_text=text,
        time_limit_kind=limit.kind,
        due_date=limit.due,
        recurrence=limit.recurrence,
        recurrence_offset=limit.offset,
        carried_from=old,
    )
    return task, True


@transaction.atomic
def tasks_carry_over(
    *,
    plan: WorkPlan,
    items: list[tuple[int, int]],
    acting_user: User,
    deadline: datetime.date | None = None,
    today: datetime.date | None = None,
) -> CarryResult:
    """Carry the chosen (task, unit) pairs of ``plan`` not yet finished into the plan of the next year.

    Each task becomes one task of the next plan (回头看转入, numbered 回1, 回2 …), its units the ones
    carried; carrying again adds units to it, never a second task. A dated time limit becomes
    ``deadline`` (default 30 June of the next year, when the 2022 plan asks 回头看 to be done).
    """
    require_office(acting_user, "转入任务")
    data_changed(Kind.WORKPLANS)
    if not items:
        raise ValidationError("请选择要转入下一年度工作方案的任务。")
    target_year = plan.year + 1
    deadline = deadline or WorkPlan.default_ledger_deadline(target_year)
    assignments = {
        (a.task_id, a.unit_id): a
        for a in TaskUnit.objects.filter(task__plan=plan, task_id__in={t for t, _ in items}).select_related(
            "task__plan", "unit"
        )
    }
    unknown = [pair for pair in items if pair not in assignments]
    if unknown:
        raise ValidationError("所选任务不属于该年度工作方案或该单位，请刷新页面后重新选择。")
    reported = reported_statuses({t for t, _ in items})
    today = today or timezone.localdate()
    finished = [
        f"{a.unit.name}第{a.task.label}项"
        for pair, a in assignments.items()
        if pair in items and task_state(a.task, a.unit_id, a.role, reported.get(pair, {}), today).finished
    ]
    if finished:
        raise ValidationError(f"{'、'.join(finished)}任务已完成，无需转入。")
    target = _target_plan(target_year, acting_user)
    created = added = 0
    by_task: dict[int, list[TaskUnit]] = {}
    for pair in dict.fromkeys(items):
        by_task.setdefault(pair[0], []).append(assignments[pair])
    for chosen in by_task.values():
        task, is_new = _carried_task(chosen[0].task, target, deadline, acting_user)
        present = set() if is_new else set(task.assignments.values_list("unit_id", flat=True))
        new_units = [a for a in chosen if a.unit_id not in present]
        if not new_units:
            continue
        names = [] if is_new else [task.responsible_text]
        task.responsible_text = "、".join(filter(None, [*names, *(a.unit.name for a in new_units)]))
        task.stamp(acting_user=acting_user, reason=f"回头看：转自{plan.year}年第{chosen[0].task.label}项任务")
        task.full_clean(validate_constraints=False)
        task.save()
        TaskUnit.objects.bulk_create(TaskUnit(task=task, unit=a.unit, role=a.role, via=CARRIED_VIA) for a in new_units)
        created += is_new
        added += len(new_units)
    return CarryResult(target, created, added)

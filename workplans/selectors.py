"""Reads of work plans, scoped to what the user may see.

Office accounts see every plan, task, ledger and progress report; a unit account sees the tasks
its unit is responsible for, its own ledger and its own progress, nothing of another unit's.
States (逾期, 已完成 …) are computed for a day, never stored. Every overview loads in a fixed
number of queries, whatever the number of units and tasks.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from units.models import Unit, User

from .models import Ledger, LedgerRow, ProgressReport, Task, TaskParty, TaskUnit, WorkPlan
from .status import TaskState, task_state


def plans_visible_to(user: User) -> QuerySet[WorkPlan]:
    """All plans for the office; for a unit account the plans in which its unit has tasks."""
    if not user.is_authenticated:
        return WorkPlan.objects.none()
    if user.is_office:
        return WorkPlan.objects.all()
    if user.unit_id is None:
        return WorkPlan.objects.none()
    return WorkPlan.objects.filter(pk__in=TaskUnit.objects.filter(unit_id=user.unit_id).values("task__plan_id"))


def plan_or_404(user: User, year: int) -> WorkPlan:
    """The plan of ``year`` if ``user`` may see it; a unit without tasks in it gets a 404."""
    plan = plans_visible_to(user).filter(year=year).first()
    if plan is None:
        raise Http404("没有这一年度的工作方案。")
    return plan


def tasks_visible_to(user: User) -> QuerySet[Task]:
    """All tasks for the office; exactly the tasks of its own unit for a unit account."""
    if not user.is_authenticated:
        return Task.objects.none()
    if user.is_office:
        return Task.objects.all()
    if user.unit_id is None:
        return Task.objects.none()
    return Task.objects.filter(pk__in=TaskUnit.objects.filter(unit_id=user.unit_id).values("task_id"))


def ledgers_visible_to(user: User) -> QuerySet[Ledger]:
    if not user.is_authenticated:
        return Ledger.objects.none()
    if user.is_office:
        return Ledger.objects.all()
    return Ledger.objects.filter(unit_id=user.unit_id) if user.unit_id else Ledger.objects.none()


def ledger_rows_visible_to(user: User) -> QuerySet[LedgerRow]:
    return LedgerRow.objects.filter(ledger__in=ledgers_visible_to(user))


def progress_visible_to(user: User) -> QuerySet[ProgressReport]:
    if not user.is_authenticated:
        return ProgressReport.objects.none()
    if user.is_office:
        return ProgressReport.objects.all()
    return ProgressReport.objects.filter(unit_id=user.unit_id) if user.unit_id else ProgressReport.objects.none()


def parties_visible_to(user: User) -> QuerySet[TaskParty]:
    """Described parties awaiting assignment are the office's work list."""
    if user.is_authenticated and user.is_office:
        return TaskParty.objects.all()
    return TaskParty.objects.none()


def reported_statuses(tasks, units=None) -> dict[tuple[int, int], dict[str, str]]:
    reports = ProgressReport.objects.filter(task__in=tasks)
    if units is not None:
        reports = reports.filter(unit__in=units)
    found: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for task_id, unit_id, period, status in reports.values_list("task_id", "unit_id", "period", "status"):
        found[task_id, unit_id][period] = status
    return found


def unit_task_states(plan: WorkPlan, unit: Unit, today: datetime.date) -> list[TaskState]:
    """The tasks of ``unit`` in ``plan`` with their state as of ``today`` (three queries)."""
    assignments = list(
        TaskUnit.objects.filter(task__plan=plan, unit=unit)
        .select_related("task__plan")
        .order_by("task__source", "task__number")
    )
    reported = reported_statuses([a.task_id for a in assignments], [unit.pk])
    return [task_state(a.task, unit.pk, a.role, reported.get((a.task_id, unit.pk), {}), today) for a in assignments]


def plan_tasks(plan: WorkPlan) -> list[Task]:
    """Every task of ``plan`` with ``unit_count`` and its parties (with assigned units) loaded."""
    tasks = list(plan.tasks.select_related("plan", "carried_from__plan").prefetch_related("parties__assigned__unit"))
    counts: dict[int, int] = defaultdict(int)
    for task_id in TaskUnit.objects.filter(task__plan=plan).values_list("task_id", flat=True):
        counts[task_id] += 1
    for task in tasks:
        task.unit_count = counts[task.pk]
    return tasks


def task_units(task: Task) -> list[TaskUnit]:
    return list(task.assignments.select_related("unit", "party").order_by("unit__category", "unit__sort_order"))


@dataclass
class MatrixRow:
    unit: Unit
    cells: list[TaskState | None]
    """One per task of the matrix, ``None`` where the unit has no part in the task."""

    @property
    def states(self) -> list[TaskState]:
        return [c for c in self.cells if c is not None]

    def count(self, state: str) -> int:
        return sum(c.state == state for c in self.states)

    @property
    def overdue_count(self) -> int:
        return sum(bool(c.overdue) for c in self.states)


@dataclass
class Matrix:
    plan: WorkPlan
    tasks: list[Task]
    rows: list[MatrixRow]
    today: datetime.date


def matrix_unit_ids(plan: WorkPlan) -> list[int]:
    """The units with a task in ``plan``, in official order (the rows of the matrix, for paging)."""
    return list(
        Unit.objects.filter(task_assignments__task__plan=plan)
        .distinct()
        .order_by("category", "sort_order", "name")
        .values_list("pk", flat=True)
    )


def progress_matrix(plan: WorkPlan, today: datetime.date, units: list[int] | None = None) -> Matrix:
    """Units (all, or the ids ``units``) × tasks with each unit's state on each of its tasks (four queries)."""
    tasks = list(plan.tasks.select_related("plan"))
    column = {task.pk: index for index, task in enumerate(tasks)}
    roles: dict[int, dict[int, str]] = defaultdict(dict)
    assignments = TaskUnit.objects.filter(task__plan=plan)
    if units is not None:
        assignments = assignments.filter(unit__in=units)
    for task_id, unit_id, role in assignments.values_list("task_id", "unit_id", "role"):
        roles[unit_id][task_id] = role
    reported = reported_statuses(tasks, units)
    units = Unit.objects.filter(pk__in=roles).order_by("category", "sort_order", "name")
    rows = []
    for unit in units:
        cells: list[TaskState | None] = [None] * len(tasks)
        for task_id, role in roles[unit.pk].items():
            task = tasks[column[task_id]]
            cells[column[task_id]] = task_state(task, unit.pk, role, reported.get((task_id, unit.pk), {}), today)
        rows.append(MatrixRow(unit, cells))
    return Matrix(plan, tasks, rows, today)


def current_plan(today: datetime.date) -> WorkPlan | None:
    """The plan of this year, else the latest plan before it."""
    return WorkPlan.objects.filter(year__lte=today.year).order_by("-year").first()


def overdue_units(year: int, as_of: datetime.date) -> list[Unit]:
    """Assessed units with a task of the plan of ``year`` overdue on ``as_of`` (for the notice)."""
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None:
        return []
    matrix = progress_matrix(plan, as_of)
    return [row.unit for row in matrix.rows if row.unit.is_assessed and any(s.overdue for s in row.states)]

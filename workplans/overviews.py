"""The office's overviews of a plan: who has handed in a ledger, every ledger's rows (the 附件3
export), and 回头看 — the tasks of a past plan a unit has not finished. Fixed numbers of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from units.models import Unit

from .models import Ledger, LedgerRow, LedgerTransition, Task, TaskUnit, WorkPlan
from .selectors import progress_matrix
from .status import TaskState


def _responsible_units(plan: WorkPlan) -> tuple[list[Unit], dict[int, list[Task]]]:
    """Units with tasks in ``plan`` (official order) and each unit's tasks (in plan order)."""
    tasks_of: dict[int, list[Task]] = defaultdict(list)
    for assignment in (
        TaskUnit.objects.filter(task__plan=plan).select_related("task", "unit").order_by("task__source", "task__number")
    ):
        tasks_of[assignment.unit_id].append(assignment.task)
    units = list(Unit.objects.filter(pk__in=tasks_of).order_by("category", "sort_order", "name"))
    return units, tasks_of


@dataclass
class LedgerLine:
    unit: Unit
    task_count: int
    row_count: int
    covered: int
    """Tasks with at least one measure."""
    ledger: Ledger | None
    last_return: str = ""

    @property
    def submitted(self) -> bool:
        return self.ledger is not None and self.ledger.status == Ledger.Status.SUBMITTED

    def late(self, plan: WorkPlan, today: datetime.date) -> bool:
        """报送晚于截止日期, or not yet handed in after it."""
        if self.submitted:
            return self.ledger.submitted_late
        return today > plan.ledger_deadline

    @property
    def status_label(self) -> str:
        if self.submitted:
            return "已报送"
        return "填写中" if self.row_count else "未填写"


def ledger_overview(plan: WorkPlan) -> list[LedgerLine]:
    """Every unit with tasks in ``plan``: its ledger's status, measures, and the reason of a return."""
    units, tasks_of = _responsible_units(plan)
    ledgers = {ledger.unit_id: ledger for ledger in Ledger.objects.filter(plan=plan).select_related("plan")}
    rows: dict[int, list[int]] = defaultdict(list)
    for unit_id, task_id in LedgerRow.objects.filter(ledger__plan=plan).values_list("ledger__unit_id", "task_id"):
        rows[unit_id].append(task_id)
    returns = dict(
        LedgerTransition.objects.filter(ledger__plan=plan, to_status=Ledger.Status.DRAFT)
        .order_by("ledger_id", "at", "pk")
        .values_list("ledger__unit_id", "note")
    )
    lines = []
    for unit in units:
        task_ids = {t.pk for t in tasks_of[unit.pk]}
        ledger = ledgers.get(unit.pk)
        last_return = returns.get(unit.pk, "") if ledger and ledger.status == Ledger.Status.DRAFT else ""
        lines.append(
            LedgerLine(
                unit=unit,
                task_count=len(task_ids),
                row_count=len(rows[unit.pk]),
                covered=len(task_ids & set(rows[unit.pk])),
                ledger=ledger,
                last_return=last_return,
            )
        )
    return lines


@dataclass
class LedgerSheet:
    """One unit's ledger in the 附件3 layout: each task with its measures (possibly none)."""

    unit: Unit
    ledger: Ledger | None
    tasks: list[tuple[Task, list[LedgerRow]]] = field(default_factory=list)

    @property
    def status_text(self) -> str:
        if self.ledger is None or self.ledger.status != Ledger.Status.SUBMITTED:
            return "未报送"
        submitted = timezone.localtime(self.ledger.submitted_at).date()
        late = "（逾期）" if self.ledger.submitted_late else ""
        return f"已于{submitted.year}年{submitted.month}月{submitted.day}日报送{late}"


def ledger_sheets(plan: WorkPlan, units: list[Unit] | None = None) -> list[LedgerSheet]:
    """The ledgers of ``plan`` (of ``units`` only, when given), four queries."""
    all_units, tasks_of = _responsible_units(plan)
    wanted = {u.pk for u in units} if units is not None else None
    ledgers = {ledger.unit_id: ledger for ledger in Ledger.objects.filter(plan=plan).select_related("plan")}
    rows: dict[tuple[int, int], list[LedgerRow]] = defaultdict(list)
    for row in LedgerRow.objects.filter(ledger__plan=plan).select_related("ledger"):
        rows[row.ledger.unit_id, row.task_id].append(row)
    sheets = []
    for unit in all_units:
        if wanted is not None and unit.pk not in wanted:
            continue
        sheet = LedgerSheet(unit, ledgers.get(unit.pk))
        sheet.tasks = [(task, rows[unit.pk, task.pk]) for task in tasks_of[unit.pk]]
        sheets.append(sheet)
    return sheets


@dataclass
class ReviewItem:
    state: TaskState
    carried: Task | None
    """The task of the next plan it was carried into, if any."""


@dataclass
class ReviewUnit:
    unit: Unit
    items: list[ReviewItem]

    @property
    def overdue_count(self) -> int:
        return sum(bool(i.state.overdue) for i in self.items)

    @property
    def carried_count(self) -> int:
        return sum(i.carried is not None for i in self.items)


def review(plan: WorkPlan, today: datetime.date) -> list[ReviewUnit]:
    """回头看: per unit, the tasks of ``plan`` not finished as of ``today`` (not every period 已完成)."""
    matrix = progress_matrix(plan, today)
    carried: dict[tuple[int, int], Task] = {}
    for assignment in TaskUnit.objects.filter(
        task__carried_from__plan=plan, task__plan__year=plan.year + 1
    ).select_related("task"):
        carried[assignment.task.carried_from_id, assignment.unit_id] = assignment.task
    result = []
    for row in matrix.rows:
        items = [ReviewItem(s, carried.get((s.task.pk, row.unit.pk))) for s in row.states if not s.finished]
        if items:
            result.append(ReviewUnit(row.unit, items))
    return result

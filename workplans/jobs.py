"""Background work of the work plans: all ledgers and the progress matrix as Excel (the ledger
workbook of a large district takes long: one sheet per unit)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from core.jobs import JobKind, Result, Source, register

from .exports import ledger_workbook, matrix_workbook
from .models import WorkPlan
from .overviews import ledger_sheets, progress_matrix


def _ledgers(params: dict, progress) -> Result:
    plan = WorkPlan.objects.get(pk=params["plan"])
    progress(10, "正在汇总各单位台账")
    sheets = ledger_sheets(plan)
    progress(40, f"正在生成{len(sheets)}个单位的工作表")
    return Result(f"{plan.year}年政务公开工作任务台账.xlsx", ledger_workbook(plan, sheets))


def _matrix(params: dict, progress) -> Result:
    plan = WorkPlan.objects.get(pk=params["plan"])
    progress(20, "正在汇总落实情况")
    return Result(f"{plan.year}年工作任务落实情况.xlsx", matrix_workbook(progress_matrix(plan, timezone.localdate())))


def _year(params: dict) -> int:
    return WorkPlan.objects.values_list("year", flat=True).get(pk=params["plan"])


LEDGERS_FILE = JobKind(
    key="workplan_ledgers",
    run=_ledgers,
    source=lambda params: Source("返回台账报送情况", reverse("workplans:ledger_status", args=[_year(params)])),
)
MATRIX_FILE = JobKind(
    key="workplan_matrix",
    run=_matrix,
    source=lambda params: Source("返回落实情况", reverse("workplans:matrix", args=[_year(params)])),
)


def register_jobs() -> None:
    register(LEDGERS_FILE)
    register(MATRIX_FILE)

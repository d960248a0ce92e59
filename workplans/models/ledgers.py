"""The ledger (台账) a unit keeps of its tasks: measures, time limits, leader and office per task."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.models import AuditedModel, person_field
from units.models import Unit

from .plans import Task, WorkPlan


class Ledger(AuditedModel):
    """One unit's ledger of one plan; the unit fills it in, then submits it (报送) to the office."""

    class Status(models.TextChoices):
        DRAFT = "draft", "填写中"
        SUBMITTED = "submitted", "已报送"

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="ledgers", verbose_name="工作方案")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="ledgers", verbose_name="单位")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    submitted_by = person_field("报送人")

    class Meta:
        verbose_name = "工作台账"
        verbose_name_plural = "工作台账"
        ordering = ["plan", "unit__category", "unit__sort_order"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="ledger_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit} {self.plan.year}年工作台账"

    @property
    def submitted_late(self) -> bool:
        """报送晚于办公室规定的截止日期."""
        return bool(self.submitted_at) and timezone.localtime(self.submitted_at).date() > self.plan.ledger_deadline


# The ledger's workflow: the unit submits (填写中 → 已报送); the office may return it (已报送 → 填写中).
LEDGER_TRANSITIONS: dict[str, frozenset[str]] = {
    Ledger.Status.DRAFT: frozenset({Ledger.Status.SUBMITTED}),
    Ledger.Status.SUBMITTED: frozenset({Ledger.Status.DRAFT}),
}


class LedgerTransition(models.Model):
    """Audit row of one status change of a ledger: from, to, by whom, when, with a note."""

    ledger = models.ForeignKey(Ledger, on_delete=models.CASCADE, related_name="transitions", verbose_name="工作台账")
    from_status = models.CharField("原状态", max_length=10, choices=Ledger.Status.choices)
    to_status = models.CharField("新状态", max_length=10, choices=Ledger.Status.choices)
    by = person_field("操作人", related_name="ledger_transitions")
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "台账状态变更"
        verbose_name_plural = "台账状态变更"
        ordering = ["ledger", "at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_status=models.F("to_status")), name="ledger_transition_changes")
        ]

    def __str__(self) -> str:
        return f"{self.ledger}：{self.get_from_status_display()} → {self.get_to_status_display()}"

    @property
    def action(self) -> str:
        return "报送" if self.to_status == Ledger.Status.SUBMITTED else "退回修改"


class LedgerRow(AuditedModel):
    """One measure (工作举措) of a task in a unit's ledger, as in 附件3; a task may have several."""

    ledger = models.ForeignKey(Ledger, on_delete=models.CASCADE, related_name="rows", verbose_name="工作台账")
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="ledger_rows", verbose_name="工作任务")
    measure = models.TextField("工作举措", max_length=2000)
    time_limit = models.CharField("时限要求", max_length=300)
    leader = models.CharField("单位分管领导", max_length=50, blank=True)
    office = models.CharField("责任科室", max_length=100, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "台账举措"
        verbose_name_plural = "台账举措"
        ordering = ["ledger", "task__source", "task__number", "position", "pk"]
        indexes = [models.Index(fields=["ledger", "task"], name="ledger_row_task_idx")]

    def __str__(self) -> str:
        return f"{self.ledger.unit}：{self.measure[:30]}"

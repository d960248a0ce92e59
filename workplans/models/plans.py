"""A year's work plan, its tasks, and the units (or described parties) responsible for each."""

from __future__ import annotations

import datetime
import re
from functools import cached_property

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.calendar import FIRST_YEAR, LAST_YEAR
from core.models import AuditedModel, person_field
from units.models import Unit

from ..periods import Period, task_periods
from ..timelimits import Recurrence, TimeLimit, TimeLimitKind, parse_time_limit

DEFAULT_LEDGER_MONTH_DAY = (6, 30)
"""The 2022 plan asks for every unit's ledger by 30 June (各级各部门工作台账于6月30日前报区政府办公室)."""


class WorkPlan(AuditedModel):
    """The office's plan of one year (e.g. 2022年临淄区政务公开工作方案, 临政办字〔2022〕16号)."""

    year = models.PositiveSmallIntegerField(
        "年度", unique=True, validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    title = models.CharField("名称", max_length=200)
    doc_number = models.CharField("文号", max_length=50, blank=True, help_text="如 临政办字〔2022〕16号")
    ledger_deadline = models.DateField("台账报送截止日期")

    class Meta:
        verbose_name = "年度工作方案"
        verbose_name_plural = "年度工作方案"
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def default_title(year: int) -> str:
        return f"{year}年临淄区政务公开工作方案"

    @staticmethod
    def default_ledger_deadline(year: int) -> datetime.date:
        return datetime.date(year, *DEFAULT_LEDGER_MONTH_DAY)


class Role(models.TextChoices):
    LEAD = "lead", "牵头"
    RESPONSIBLE = "responsible", "负责"
    COOPERATING = "cooperating", "配合落实"


ROLE_STRENGTH = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATING: 2}


def task_label(source: int, number: int) -> str:
    """How a task is numbered on pages: 5 (附件1), 附2-3 (附件2), 回1 (回头看转入)."""
    prefix = {Task.Source.LEADS: "附2-", Task.Source.CARRIED: "回"}.get(source, "")
    return f"{prefix}{number}"


SHORT_NAME_LENGTH = 8
SHORT_NAME_BREAK = re.compile(r"[，。；：、,.;:（(\s]")


class Task(AuditedModel):
    """One task of a plan: its area, requirement, responsible units (原文) and time limit (原文 and understood)."""

    class Source(models.IntegerChoices):
        PLAN = 1, "重点工作任务（附件1）"
        LEADS = 2, "区直部门牵头重点公开工作（附件2）"
        CARRIED = 3, "回头看转入"

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="tasks", verbose_name="工作方案")
    source = models.PositiveSmallIntegerField("来源", choices=Source.choices, default=Source.PLAN)
    number = models.PositiveSmallIntegerField("序号", validators=[MinValueValidator(1)])
    area = models.CharField("工作任务", max_length=200)
    subarea = models.CharField("工作任务（二级）", max_length=200, blank=True)
    requirement = models.TextField("工作要求", max_length=3000)
    responsible_text = models.TextField("责任单位", max_length=1000)
    time_limit_text = models.TextField("时限要求", max_length=1000, blank=True)
    time_limit_kind = models.CharField(
        "时限类型", max_length=10, choices=TimeLimitKind.choices, default=TimeLimitKind.NONE
    )
    due_date = models.DateField("完成期限", null=True, blank=True)
    recurrence = models.CharField("周期", max_length=10, choices=Recurrence.choices, blank=True)
    recurrence_offset = models.PositiveSmallIntegerField(
        "周期结束后工作日数", null=True, blank=True, help_text="如“每月后10个工作日内”为10"
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name="转自上年度任务",
    )

    class Meta:
        verbose_name = "工作任务"
        verbose_name_plural = "工作任务"
        ordering = ["plan", "source", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "source", "number"], name="task_number_unique_in_plan"),
        ]

    def __str__(self) -> str:
        return f"第{self.label}项：{self.requirement[:30]}"

    @property
    def label(self) -> str:
        return task_label(self.source, self.number)

    @property
    def short_name(self) -> str:
        """A few characters naming the task (its requirement's first clause, shortened), for the
        narrow column heads of the 落实情况 matrix."""
        clause = SHORT_NAME_BREAK.split(self.requirement.strip(), maxsplit=1)[0]
        return clause if len(clause) <= SHORT_NAME_LENGTH else clause[: SHORT_NAME_LENGTH - 1] + "…"

    @property
    def heading(self) -> str:
        """The area as the table prints it: 紧扣经济发展大局深化公开 / 加强优化营商环境信息公开."""
        return f"{self.area} / {self.subarea}" if self.subarea else self.area

    @cached_property
    def time_limit(self) -> TimeLimit:
        """The 时限要求 as understood (the stored kind and dates come from the same parse)."""
        return parse_time_limit(self.time_limit_text, self.plan.year)

    @cached_property
    def periods(self) -> list[Period]:
        """The periods progress is reported for: each quarter of a 按季度 task, else the whole year."""
        return task_periods(
            year=self.plan.year,
            recurrence=self.recurrence,
            offset=self.recurrence_offset,
            due=self.due_date,
        )

    def period(self, key: str) -> Period | None:
        return next((p for p in self.periods if p.key == key), None)


class TaskParty(models.Model):
    """A described party of 责任单位 that staff assign later (有关职能部门, 行政规范性文件起草部门 …)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="parties", verbose_name="工作任务")
    name = models.CharField("责任方", max_length=100)
    role = models.CharField("职责", max_length=12, choices=Role.choices)
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "待指定的责任方"
        verbose_name_plural = "待指定的责任方"
        ordering = ["task", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["task", "name", "role"], name="task_party_once")]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_role_display()}）"


class TaskUnit(models.Model):
    """A unit responsible for a task, named in 责任单位, in a group phrase, or assigned by staff to a party."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments", verbose_name="工作任务")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="task_assignments", verbose_name="单位")
    role = models.CharField("职责", max_length=12, choices=Role.choices)
    via = models.CharField("依据", max_length=100, help_text="责任单位中指向本单位的文字，如“各镇、街道”")
    party = models.ForeignKey(
        TaskParty,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assigned",
        verbose_name="指定自责任方",
    )
    assigned_by = person_field("指定人")
    assigned_at = models.DateTimeField("指定时间", null=True, blank=True)

    class Meta:
        verbose_name = "任务责任单位"
        verbose_name_plural = "任务责任单位"
        ordering = ["task", "unit__category", "unit__sort_order"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="task_unit_once")]
        indexes = [models.Index(fields=["unit", "task"], name="task_unit_by_unit_idx")]

    def __str__(self) -> str:
        return f"{self.unit}（{self.get_role_display()}）"

"""Progress a unit reports on a task for one period, with evidence (a link or a private file)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.utils import timezone

from core.models import AuditedModel, person_field
from inspections.models import validate_evidence_file
from units.models import Unit

from .plans import Task


class ProgressStatus(models.TextChoices):
    DONE = "done", "已完成"
    IN_PROGRESS = "in_progress", "推进中"
    NOT_STARTED = "not_started", "未开展"


def progress_upload_to(instance: ProgressReport, filename: str) -> str:
    """A name nobody can guess, under MEDIA_ROOT (never served); the original name is kept in the row."""
    extension = PurePath(filename).suffix.lower()
    return f"workplans/{instance.unit_id}/{uuid.uuid4().hex}{extension}"


class ProgressReport(AuditedModel):
    """Where a unit stands on a task in one period (全年, 一季度 …); reporting again updates it (with history)."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="progress_reports", verbose_name="工作任务")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="task_progress", verbose_name="单位")
    period = models.CharField("期间", max_length=4, help_text="Y 全年，Q1–Q4 季度，H1–H2 半年，M01–M12 月")
    status = models.CharField("进展", max_length=12, choices=ProgressStatus.choices)
    note = models.TextField("进展情况", max_length=2000)
    link = models.URLField("链接", max_length=500, blank=True)
    file = models.FileField(
        "佐证材料", upload_to=progress_upload_to, max_length=200, blank=True, validators=[validate_evidence_file]
    )
    original_filename = models.CharField("原文件名", max_length=255, blank=True)
    reported_by = person_field("填报人")
    reported_at = models.DateTimeField("填报时间", default=timezone.now)

    class Meta:
        verbose_name = "任务进度"
        verbose_name_plural = "任务进度"
        ordering = ["task", "unit__sort_order", "period"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period"], name="progress_once_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} 第{self.task.label}项（{self.period}）：{self.get_status_display()}"

"""Progress of a task, reported by a responsible unit for one period, with evidence."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.downloads import safe_filename
from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..models import ProgressReport, ProgressStatus, Task, TaskUnit


@transaction.atomic
def progress_report(
    *,
    task: Task,
    unit: Unit,
    period: str,
    status: str,
    note: str,
    acting_user: User,
    link: str = "",
    file: UploadedFile | None = None,
    today: datetime.date | None = None,
) -> ProgressReport:
    """Record where ``unit`` stands on ``task`` in ``period`` (已完成 / 推进中 / 未开展).

    Reporting the same period again updates the report (its history keeps the earlier ones); a
    new evidence file replaces the shown one, an empty upload keeps it.
    """
    data_changed(Kind.WORKPLANS)
    if acting_user.is_office or acting_user.unit_id != unit.pk:
        raise PermissionDenied("进度由承担任务的单位账号填报。")
    if not TaskUnit.objects.filter(task=task, unit=unit).exists():
        raise PermissionDenied(f"{unit.name}不承担第{task.label}项任务。")
    found = task.period(period)
    if found is None:
        raise ValidationError({"period": f"第{task.label}项任务没有“{period}”这个期间。"})
    if not found.has_begun(today or timezone.localdate()):
        raise ValidationError({"period": f"{found.label}尚未开始，不能填报进度。"})
    if status not in ProgressStatus.values:
        raise ValidationError({"status": "请选择进展：已完成、推进中或未开展。"})
    if not note.strip():
        raise ValidationError({"note": "请填写进展情况。"})
    report = ProgressReport.objects.select_for_update().filter(task=task, unit=unit, period=period).first()
    report = report or ProgressReport(task=task, unit=unit, period=period)
    report.status, report.note, report.link = status, note.strip(), link.strip()
    report.reported_by, report.reported_at = acting_user, timezone.now()
    if file:
        report.file = file
        report.original_filename = safe_filename(file.name)
    report.stamp(acting_user=acting_user, reason=f"填报{found.label}进度")
    report.full_clean()
    report.save()
    return report

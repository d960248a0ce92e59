"""The scheduled jobs, as Celery tasks (run by beat, times edited in the admin with
django-celery-beat) and as management commands (for sites that use cron instead). Each run is
recorded as a :class:`~core.models.Job` with its status and summary."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand

from .jobs import record_scheduled_run


@dataclass(frozen=True)
class Scheduled:
    kind: str
    label: str
    run: Callable[..., str]


def run_scheduled(scheduled: Scheduled, **options) -> str:
    return record_scheduled_run(
        kind=scheduled.kind, label=scheduled.label, run=lambda: scheduled.run(**options)
    ).message


class ScheduledCommand(BaseCommand):
    """A management command running one scheduled job now (subclasses set ``scheduled`` and add their options)."""

    scheduled: Scheduled

    def options_for(self, options: dict) -> dict:
        return {}

    def handle(self, *args, **options):
        self.stdout.write(run_scheduled(self.scheduled, **self.options_for(options)))


@dataclass(frozen=True)
class ScheduleLine:
    """One scheduled job as the reminders page shows it: what, when, and its last run."""

    name: str
    when: str
    enabled: bool
    last_run_at: datetime.datetime | None
    last_status: str
    last_summary: str


def _when(task) -> str:
    """``每天 09:00``, ``每5分钟``: when a periodic task runs, in Chinese."""
    if task.crontab_id:
        cron = task.crontab
        parts = [cron.minute, cron.hour, cron.day_of_month, cron.month_of_year, cron.day_of_week]
        if parts[0].isdigit() and parts[1].isdigit() and parts[2:] == ["*", "*", "*"]:
            return f"每天 {int(parts[1]):02d}:{int(parts[0]):02d}"
        return "定时（" + " ".join(parts) + "）"
    if task.interval_id:
        units = {"days": "天", "hours": "小时", "minutes": "分钟", "seconds": "秒"}
        return f"每{task.interval.every}{units.get(task.interval.period, task.interval.period)}"
    return "未设定时间"


def schedule_overview() -> list[ScheduleLine]:
    """Every scheduled job installed (``install_schedule``), when it runs and how its last run went
    (the run recorded as a job, else beat's own last-run time)."""
    from django_celery_beat.models import PeriodicTask

    from .models import Job

    lines = []
    tasks = PeriodicTask.objects.exclude(task__startswith="celery.").select_related("crontab", "interval")
    for task in tasks.order_by("name"):
        last = Job.objects.filter(kind=task.task.rsplit(".", 1)[-1], requested_by=None).first()
        lines.append(
            ScheduleLine(
                name=task.name,
                when=_when(task),
                enabled=task.enabled,
                last_run_at=last.created_at if last else task.last_run_at,
                last_status=last.get_status_display() if last else ("已执行" if task.last_run_at else "尚未执行"),
                last_summary=last.message if last else "",
            )
        )
    return lines

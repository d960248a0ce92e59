"""Writes of the scheduled jobs and their schedules (from the admin).

Saved through the proxy models, a change sends no signal for beat's own models, so each write
tells beat itself (``PeriodicTasks.update_changed``, beat's public hook): the running scheduler
reloads the schedule. The admin records who changed what (its change log, on each record's
历史 page).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask, PeriodicTasks

from units.models import User

Schedule = PeriodicTask | CrontabSchedule | IntervalSchedule


def _require_office_admin(user: User) -> None:
    if not user.is_office_admin:
        raise PermissionDenied("只有办公室管理员可以修改周期任务。")


@transaction.atomic
def schedule_save(*, schedule: Schedule, acting_user: User) -> Schedule:
    """Save a task, a crontab or an interval (new or changed); beat runs by it from its next tick."""
    _require_office_admin(acting_user)
    schedule.full_clean()
    schedule.save()
    PeriodicTasks.update_changed()
    return schedule


@transaction.atomic
def schedule_delete(*, schedule: Schedule, acting_user: User) -> None:
    """Delete a task, or a schedule with the tasks that use it."""
    _require_office_admin(acting_user)
    schedule.delete()
    PeriodicTasks.update_changed()

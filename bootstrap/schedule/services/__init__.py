"""Writes of the scheduled jobs and their schedules (from the admin).

Saved through the proxy models, a change sends no signal for beat's own models, so each write
tells beat itself (``PeriodicTasks.update_changed``, beat's public hook): the running scheduler
reloads the schedule. The admin records who changed what (its change log, on each record's
历史 page).
"""

from __future__ import annotations

from django.db import transaction
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask, PeriodicTasks

from core.permissions import require_office_admin
from units.models import User

Schedule = PeriodicTask | CrontabSchedule | IntervalSchedule


@transaction.atomic
def schedule_save(*, schedule: Schedule, acting_user: User) -> Schedule:
    """Save a task, a crontab or an interval (new or changed); beat runs by it from its next tick."""
    require_office_admin(acting_user, "修改周期任务")
    schedule.full_clean()
    schedule.save()
    PeriodicTasks.update_changed()
    return schedule


@transaction.atomic
def schedule_delete(*, schedule: Schedule, acting_user: User) -> None:
    """Delete a task, or a schedule with the tasks that use it."""
    require_office_admin(acting_user, "修改周期任务")
    schedule.delete()
    PeriodicTasks.update_changed()

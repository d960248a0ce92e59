"""The scheduled jobs, as Celery tasks (run by beat, times edited in the admin with
django-celery-beat) and as management commands (for sites that use cron instead). Each run is
recorded as a :class:`~core.models.Job` with its status and summary."""

from __future__ import annotations

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

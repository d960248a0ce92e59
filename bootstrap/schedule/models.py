"""django-celery-beat's task and schedule models as the office reads them: proxy models (no tables
of their own) with Chinese names, so that titles, breadcrumbs, choices, history and delete pages of
the admin say 「0 9 * * *（在 09:00（北京时间））」 instead of the library's English ``__str__``.

Saving a proxy sends Django's signals for the proxy, not for beat's model: the services
(:mod:`.services`) tell beat about every change themselves."""

from __future__ import annotations

from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from .text import cron_expression, crontab_text, interval_text


class Crontab(CrontabSchedule):
    """When a task runs, by the calendar (minute, hour, day, month, weekday)."""

    class Meta:
        proxy = True
        verbose_name = "执行时间"
        verbose_name_plural = "执行时间"

    def __str__(self) -> str:
        return f"{cron_expression(self)}（{crontab_text(self)}）"


class Interval(IntervalSchedule):
    """How often a task runs (every 5 minutes …)."""

    class Meta:
        proxy = True
        verbose_name = "执行间隔"
        verbose_name_plural = "执行间隔"

    def __str__(self) -> str:
        return interval_text(self)


class ScheduledTask(PeriodicTask):
    """A task beat runs on a schedule (reminders, the nightly check, handing out stranded jobs)."""

    class Meta:
        proxy = True
        verbose_name = "周期任务"
        verbose_name_plural = "周期任务"

    def __str__(self) -> str:
        return self.name

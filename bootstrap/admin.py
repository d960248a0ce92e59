"""The scheduled jobs' admin (django-celery-beat, 周期任务) in Chinese, as the rest of the admin:
the schedules described in Chinese (cron_descriptor's zh_CN) rather than ``Every minute``, and the
labels django-celery-beat does not offer for translation. Its translatable texts are completed in
``locale/zh_Hans/LC_MESSAGES/django.po``."""

from __future__ import annotations

from cron_descriptor import ExpressionDescriptor, Options
from django.contrib import admin
from django_celery_beat.admin import CrontabScheduleAdmin as BaseCrontabScheduleAdmin
from django_celery_beat.admin import PeriodicTaskAdmin as BasePeriodicTaskAdmin
from django_celery_beat.models import CrontabSchedule, PeriodicTask

ZONES = {"Asia/Shanghai": "北京时间", "UTC": "协调世界时"}


def cron_expression(crontab: CrontabSchedule) -> str:
    """``分 时 日 月 星期``, e.g. ``0 9 * * *``."""
    return " ".join([crontab.minute, crontab.hour, crontab.day_of_month, crontab.month_of_year, crontab.day_of_week])


def crontab_text(crontab: CrontabSchedule | None) -> str:
    """``在 09:00（北京时间）``: when a crontab runs, in Chinese."""
    if crontab is None:
        return "—"
    options = Options()
    options.locale_code = "zh_CN"
    options.use_24hour_time_format = True
    try:
        text = ExpressionDescriptor(cron_expression(crontab), options).get_description()
    except Exception:  # an expression cron_descriptor cannot read: show it as it is
        text = cron_expression(crontab)
    return f"{text}（{ZONES.get(str(crontab.timezone), str(crontab.timezone))}）"


def _crontab_str(crontab: CrontabSchedule) -> str:
    return f"{cron_expression(crontab)}（{crontab_text(crontab)}）"


CrontabSchedule.__str__ = _crontab_str  # titles and choices read in Chinese too
PeriodicTask._meta.get_field("task").verbose_name = "任务名"  # a plain string there, not translatable


admin.site.unregister(PeriodicTask)
admin.site.unregister(CrontabSchedule)


@admin.register(PeriodicTask)
class PeriodicTaskAdmin(BasePeriodicTaskAdmin):
    list_display = ("name", "enabled", "schedule", "interval", "start_time", "last_run_at", "one_off")
    readonly_fields = ("last_run_at", "crontab_translation")

    @admin.display(description="时间表")
    def schedule(self, obj):
        return crontab_text(obj.crontab) if obj.crontab_id else str(obj.scheduler)

    @admin.display(description="执行时间说明")
    def crontab_translation(self, obj):
        return crontab_text(obj.crontab)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "readable_crontabs": {c.id: crontab_text(c) for c in CrontabSchedule.objects.all()},
        }
        return admin.ModelAdmin.changeform_view(self, request, object_id, form_url, extra_context)


@admin.register(CrontabSchedule)
class CrontabScheduleAdmin(BaseCrontabScheduleAdmin):
    list_display = ("expression", "description")
    fields = ("description", "minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone")
    readonly_fields = ("description",)

    @admin.display(description="定时表达式（分 时 日 月 星期）")
    def expression(self, obj):
        return cron_expression(obj)

    @admin.display(description="说明")
    def description(self, obj):
        return crontab_text(obj)

"""Schedules in words: when a crontab runs (``在 09:00（北京时间）``, cron_descriptor's zh_CN), how often
an interval runs (``每5分钟``), the time zones by their Chinese names."""

from __future__ import annotations

from cron_descriptor import ExpressionDescriptor, Options
from django_celery_beat.models import CrontabSchedule, IntervalSchedule

ZONES = {"Asia/Shanghai": "北京时间", "UTC": "协调世界时"}
"""The time zones a schedule may use, by their Chinese names."""

PERIOD_UNITS = {
    IntervalSchedule.DAYS: "天",
    IntervalSchedule.HOURS: "小时",
    IntervalSchedule.MINUTES: "分钟",
    IntervalSchedule.SECONDS: "秒",
    IntervalSchedule.MICROSECONDS: "微秒",
}


def zone_label(zone) -> str:
    return ZONES.get(str(zone), str(zone))


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
    return f"{text}（{zone_label(crontab.timezone)}）"


def interval_text(interval: IntervalSchedule | None) -> str:
    """``每5分钟``."""
    if interval is None:
        return "—"
    return f"每{interval.every}{PERIOD_UNITS.get(interval.period, interval.period)}"

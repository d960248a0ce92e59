from celery import shared_task
from django.utils import timezone

from core.scheduled import Scheduled, run_scheduled

from .reminders import DEFAULT_DAYS, annual_reports_remind

ANNUAL = Scheduled("remind_annual_reports", "提醒：年度报告未提交", annual_reports_remind)


@shared_task
def remind_annual_reports(days: int = DEFAULT_DAYS) -> str:
    return run_scheduled(ANNUAL, today=timezone.localdate(), days=days)

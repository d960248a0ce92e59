from celery import shared_task
from django.utils import timezone

from core.scheduled import Scheduled, run_scheduled

from .reminders import DEFAULT_WORKING_DAYS, findings_remind

FINDINGS = Scheduled("remind_findings", "提醒：整改期限临近或已过", findings_remind)


@shared_task
def remind_findings(working_days: int = DEFAULT_WORKING_DAYS) -> str:
    return run_scheduled(FINDINGS, today=timezone.localdate(), working_days=working_days)

from celery import shared_task
from django.utils import timezone

from core.scheduled import Scheduled, run_scheduled

from .reminders import DEFAULT_WORKING_DAYS, applications_remind

APPLICATIONS = Scheduled("remind_applications", "提醒：依申请公开答复期限临近或已过", applications_remind)


@shared_task
def remind_applications(working_days: int = DEFAULT_WORKING_DAYS) -> str:
    return run_scheduled(APPLICATIONS, today=timezone.localdate(), working_days=working_days)

from celery import shared_task

from core.scheduled import Scheduled, run_scheduled

from .consistency import issued_notices_check

CHECK = Scheduled("check_issued_notices", "每晚核对：已印发通报与现有数据", issued_notices_check)


@shared_task
def check_issued_notices() -> str:
    return run_scheduled(CHECK)

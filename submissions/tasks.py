from celery import shared_task
from django.utils import timezone

from core.scheduled import Scheduled, run_scheduled

from .reminders import DEFAULT_DAY, articles_remind

ARTICLES = Scheduled("remind_articles", "提醒：本月尚无合格稿件", articles_remind)


@shared_task
def remind_articles(day_of_month: int = DEFAULT_DAY) -> str:
    return run_scheduled(ARTICLES, today=timezone.localdate(), day_of_month=day_of_month)

from celery import shared_task
from django.utils import timezone

from core.scheduled import Scheduled, run_scheduled

from .models import CrawlRun
from .runs import crawl, summary


def crawl_all(*, today) -> str:
    return summary(crawl(as_of=today, trigger=CrawlRun.Trigger.SCHEDULE))


CRAWL = Scheduled("crawl_columns", "栏目更新监测：读取各单位栏目", crawl_all)


@shared_task
def crawl_columns() -> str:
    return run_scheduled(CRAWL, today=timezone.localdate())

"""The crawl asked for on a page: a background job with its progress, never run inside the request
(a worker runs it, or without Redis a thread of the web process: :mod:`core.tasks`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from core.jobs import JobKind, Source, register
from units.models import Unit, User

from .models import CrawlRun
from .runs import crawl, summary

KIND = "monitoring_crawl"


def _crawl(params: dict, progress) -> str:
    unit = Unit.objects.get(pk=params["unit"]) if params.get("unit") else None
    user = User.objects.filter(pk=params.get("user")).first()
    progress(1, "正在读取栏目页面")

    def report(done: int, total: int) -> None:
        progress(int(done * 95 / max(total, 1)), f"已读取{done}/{total}个栏目")

    run = crawl(as_of=timezone.localdate(), trigger=CrawlRun.Trigger.PAGE, unit=unit, acting_user=user, progress=report)
    return summary(run)


def _source(params: dict) -> Source:
    if params.get("unit"):
        return Source("返回本单位栏目", reverse("monitoring:unit", args=[params["unit"]]))
    return Source("返回栏目更新情况", reverse("monitoring:columns"))


CRAWL_JOB = JobKind(
    key=KIND,
    run=_crawl,
    source=_source,
    waiting="正在后台读取栏目页面，读完后本页显示结果（无需停留在本页，稍后可在“后台任务”中找到）。",
)


def register_jobs() -> None:
    register(CRAWL_JOB)

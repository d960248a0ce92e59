"""The project's Celery tasks by their Chinese names, as the admin shows them instead of dotted paths."""

from __future__ import annotations

from annual_reports.tasks import ANNUAL, remind_annual_reports
from applications.tasks import APPLICATIONS, remind_applications
from core.tasks import requeue_stale_jobs, run_job
from inspections.tasks import FINDINGS, remind_findings
from monitoring.tasks import CRAWL, crawl_columns
from reports.tasks import CHECK, check_issued_notices
from submissions.tasks import ARTICLES, remind_articles

TASK_LABELS: dict[str, str] = {
    remind_articles.name: ARTICLES.label,
    remind_findings.name: FINDINGS.label,
    remind_applications.name: APPLICATIONS.label,
    remind_annual_reports.name: ANNUAL.label,
    check_issued_notices.name: CHECK.label,
    crawl_columns.name: CRAWL.label,
    requeue_stale_jobs.name: "重新分派中断的后台任务",
    run_job.name: "执行一项后台任务（导出、印发等，由页面发起）",
}
"""Every Celery task of the project by its Chinese name (``tests/core/test_scheduled_jobs.py``
checks that none is missing)."""


def task_label(name: str) -> str:
    """The Chinese name of a Celery task (``submissions.tasks.remind_articles`` → 提醒：本月尚无合格稿件);
    a task the project does not know keeps its name, marked as such."""
    return TASK_LABELS.get(name) or f"未登记的任务（{name}）"


def task_choices(current: str = "") -> list[tuple[str, str]]:
    """The tasks one may schedule, by Chinese name (and ``current`` if the project does not know it)."""
    choices = [("", "---------"), *TASK_LABELS.items()]
    if current and current not in TASK_LABELS:
        choices.append((current, task_label(current)))
    return choices

import json

from django.core.management.base import BaseCommand
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

# name, task, crontab (minute, hour) or interval in minutes, keyword arguments
SCHEDULE = [
    ("提醒：本月尚无合格稿件", "submissions.tasks.remind_articles", ("0", "9"), {"day_of_month": 20}),
    ("提醒：整改期限临近或已过", "inspections.tasks.remind_findings", ("5", "9"), {"working_days": 3}),
    ("提醒：依申请公开答复期限临近或已过", "applications.tasks.remind_applications", ("7", "9"), {"working_days": 3}),
    ("提醒：年度报告未提交", "annual_reports.tasks.remind_annual_reports", ("10", "9"), {"days": 7}),
    ("每晚核对已印发通报", "reports.tasks.check_issued_notices", ("30", "2"), {}),
    ("栏目更新监测：读取各单位栏目", "monitoring.tasks.crawl_columns", ("0", "3"), {}),
    ("重新分派中断的后台任务", "core.tasks.requeue_stale_jobs", 5, {}),
]


class Command(BaseCommand):
    help = "登记定时任务（Celery beat，可在管理后台“周期任务”中修改时间和参数）；已登记的不改动。"

    def handle(self, *args, **options):
        created = 0
        for name, task, when, kwargs in SCHEDULE:
            if PeriodicTask.objects.filter(name=name).exists():
                continue
            if isinstance(when, int):
                interval, _ = IntervalSchedule.objects.get_or_create(every=when, period=IntervalSchedule.MINUTES)
                schedule = {"interval": interval}
            else:
                minute, hour = when
                crontab, _ = CrontabSchedule.objects.get_or_create(
                    minute=minute,
                    hour=hour,
                    day_of_week="*",
                    day_of_month="*",
                    month_of_year="*",
                    timezone="Asia/Shanghai",
                )
                schedule = {"crontab": crontab}
            PeriodicTask.objects.create(name=name, task=task, kwargs=json.dumps(kwargs), **schedule)
            created += 1
        self.stdout.write(f"定时任务：新登记{created}个，共{len(SCHEDULE)}个。")

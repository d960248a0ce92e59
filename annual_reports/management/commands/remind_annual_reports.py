from django.utils import timezone

from annual_reports.reminders import DEFAULT_DAYS
from annual_reports.tasks import ANNUAL
from core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "提醒年度报告未提交的单位（截止日期前N天起，逾期再提醒一次）。"
    scheduled = ANNUAL

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)

    def options_for(self, options):
        return {"today": timezone.localdate(), "days": options["days"]}

from django.utils import timezone

from core.scheduled import ScheduledCommand
from inspections.reminders import DEFAULT_WORKING_DAYS
from inspections.tasks import FINDINGS


class Command(ScheduledCommand):
    help = "提醒整改期限临近（N个工作日内）或已过的单位。"
    scheduled = FINDINGS

    def add_arguments(self, parser):
        parser.add_argument("--working-days", type=int, default=DEFAULT_WORKING_DAYS)

    def options_for(self, options):
        return {"today": timezone.localdate(), "working_days": options["working_days"]}

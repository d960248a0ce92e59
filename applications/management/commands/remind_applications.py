from django.utils import timezone

from applications.reminders import DEFAULT_WORKING_DAYS
from applications.tasks import APPLICATIONS
from core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "提醒依申请公开答复期限临近（N个工作日内）或已过的单位。"
    scheduled = APPLICATIONS

    def add_arguments(self, parser):
        parser.add_argument("--working-days", type=int, default=DEFAULT_WORKING_DAYS)

    def options_for(self, options):
        return {"today": timezone.localdate(), "working_days": options["working_days"]}

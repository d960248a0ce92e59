from django.utils import timezone

from core.scheduled import ScheduledCommand
from submissions.reminders import DEFAULT_DAY
from submissions.tasks import ARTICLES


class Command(ScheduledCommand):
    help = "提醒本月尚无合格稿件的单位（每月从第N日起，每单位每月一次）。"
    scheduled = ARTICLES

    def add_arguments(self, parser):
        parser.add_argument("--day", type=int, default=DEFAULT_DAY, help=f"每月从第几日起提醒（默认{DEFAULT_DAY}）")

    def options_for(self, options):
        return {"today": timezone.localdate(), "day_of_month": options["day"]}

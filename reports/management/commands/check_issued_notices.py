from core.scheduled import ScheduledCommand
from reports.tasks import CHECK


class Command(ScheduledCommand):
    help = "重算每个已印发通报的季度，列出现有数据与通报不一致之处，并提醒办公室。"
    scheduled = CHECK

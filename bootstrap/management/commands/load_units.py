from django.core.management.base import BaseCommand

from scoring.services import rule_sets_ensure_shipped
from units.services import units_sync_from_csv


class Command(BaseCommand):
    help = "从 fixtures/units.csv 载入临淄区各单位、别名和示范点（可重复运行）。"

    def handle(self, *args, **options):
        rule_sets_ensure_shipped()
        result = units_sync_from_csv()
        self.stdout.write(f"单位已载入：新增{result.created}个，更新{result.updated}个。")

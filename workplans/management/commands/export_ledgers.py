from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workplans.exports import ledger_workbook
from workplans.models import WorkPlan
from workplans.overviews import ledger_sheets


class Command(BaseCommand):
    help = "导出某年度全部单位的政务公开工作任务台账（附件3格式：汇总表和每个单位一个工作表）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="工作方案年度，如2022")
        parser.add_argument("--output", required=True, help="输出的Excel文件（.xlsx）")

    def handle(self, *args, **options) -> None:
        plan = WorkPlan.objects.filter(year=options["year"]).first()
        if plan is None:
            raise CommandError(f"没有{options['year']}年的工作方案，请先导入（import_work_plan）。")
        sheets = ledger_sheets(plan)
        path = Path(options["output"])
        path.write_bytes(ledger_workbook(plan, sheets))
        submitted = sum(1 for s in sheets if s.status_text != "未报送")
        self.stdout.write(f"已导出{plan.title}台账：{len(sheets)}个单位（已报送{submitted}个），写入{path}")

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from applications.commands import unit_option, year_option
from applications.exports import as_json, register_workbook


class Command(BaseCommand):
    help = (
        "导出单位某年度的依申请公开登记簿（本年收到的和上年结转的申请）：xlsx（与导入相同的列，申请人已隐去）"
        "或 json（每件一个对象：content、received、due、answered、late、outcome、carried_over）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如2024")
        parser.add_argument("--unit", required=True, help="单位名称（可用别名）")
        parser.add_argument("--format", required=True, choices=["xlsx", "json"])
        parser.add_argument("--output", required=True, help="输出文件")

    def handle(self, *args, **options):
        year, unit = year_option(options["year"]), unit_option(options["unit"])
        if options["format"] == "json":
            data = json.dumps(as_json(unit, year), ensure_ascii=False, indent=1).encode() + b"\n"
        else:
            data = register_workbook(unit, year)
        path = Path(options["output"])
        path.write_bytes(data)
        self.stdout.write(f"已导出：{path}（{unit.name}{year}年）")

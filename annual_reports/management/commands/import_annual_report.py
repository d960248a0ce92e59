from django.core.management.base import CommandError

from annual_reports.services import annual_report_import
from core.imports.command import ImportCommand
from units.selectors import UnitNotFound, resolve_unit


class Command(ImportCommand):
    help = (
        "导入单位的年度报告：Word文档（.docx，整份报告：标题、各部分文字和三个表格），"
        "或填好的年度报告Excel（.xlsx，国家格式的表格，每行开头为项目名称，其后按国家格式的列顺序填数字）。"
        "与网页相同的全部检查，有任何错误则不导入、退出码非零；--dry-run 只检查。"
    )
    file_help = "Word文档（.docx）或Excel文件（.xlsx）"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--unit", required=True, help="单位名称，如 区政府办公室（可用别名）")

    def handle(self, *args, **options):
        try:
            self.unit = resolve_unit(options["unit"])
        except UnitNotFound as exc:
            raise CommandError(str(exc)) from exc
        super().handle(*args, **options)

    def run_import(self, **kwargs):
        return annual_report_import(unit=self.unit, **kwargs)

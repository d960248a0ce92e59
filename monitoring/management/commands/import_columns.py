from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.imports import ImportRejected
from core.imports.command import acting_user_option, print_result, report_rejection
from monitoring.services import columns_import


class Command(BaseCommand):
    help = "导入监测栏目：列为 单位、栏目名称、网址、更新要求（每月/每季度/每年/长期），可选 CSS选择器、计入发布数。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="Excel文件（.xlsx）")
        parser.add_argument("--dry-run", action="store_true", help="只检查并列出将要做的修改，不写入")
        parser.add_argument("--user", help="记入修改记录的用户名")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        user = acting_user_option(options.get("user"))
        try:
            with path.open("rb") as handle:
                result = columns_import(source=handle, dry_run=options["dry_run"], acting_user=user, filename=path.name)
        except ImportRejected as exc:
            raise report_rejection(self, exc) from exc
        print_result(self, result, verbose=True)

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from applications.commands import unit_option
from applications.services import applications_import
from core.imports import ImportRejected
from core.imports.command import acting_user_option, print_result, report_rejection


class Command(BaseCommand):
    help = (
        "导入单位已有的依申请公开登记簿（Excel，每行一件申请）：全部通过检查才写入，否则逐行列出错误、什么也不写入；"
        "同一文件再导入不重复登记。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Excel文件（.xlsx）")
        parser.add_argument("--unit", required=True, help="单位名称，如 区人社局（可用别名）")
        parser.add_argument("--dry-run", action="store_true", help="只检查并列出将要做的修改，不写入")
        parser.add_argument("--user", help="记入修改记录的用户名")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        unit = unit_option(options["unit"])
        try:
            with path.open("rb") as handle:
                result = applications_import(
                    source=handle,
                    unit=unit,
                    dry_run=options["dry_run"],
                    acting_user=acting_user_option(options.get("user")),
                    filename=path.name,
                )
        except ImportRejected as exc:
            raise report_rejection(self, exc) from exc
        print_result(self, result, verbose=options["dry_run"])

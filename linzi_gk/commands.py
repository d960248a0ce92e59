"""The shared shape of the import commands: a file, --year, --dry-run, errors as 第N行 lines."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from units.models import User

from .imports import ImportRejected, ImportResult


class ImportCommand(BaseCommand):
    needs_quarter = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Excel文件（.xlsx）")
        parser.add_argument("--year", type=int, required=True, help="年度，如2020")
        if self.needs_quarter:
            parser.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="季度")
        parser.add_argument("--dry-run", action="store_true", help="只检查并列出将要做的修改，不写入")
        parser.add_argument("--user", help="记入修改记录的用户名")
        parser.add_argument("--verbose-changes", action="store_true", help="逐条列出修改")

    def run_import(self, **kwargs) -> ImportResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        if not 2000 <= options["year"] <= 2100:
            raise CommandError(f"年度{options['year']}不在2000至2100之间")
        user = None
        if options.get("user"):
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"找不到用户：{options['user']}")
        kwargs = {"year": options["year"], "dry_run": options["dry_run"], "user": user, "filename": path.name}
        if self.needs_quarter:
            kwargs["quarter"] = options["quarter"]
        try:
            with path.open("rb") as handle:
                result = self.run_import(source=handle, **kwargs)
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"共{len(exc.errors)}处错误，未导入任何数据。") from exc
        for notice in result.notices:
            self.stdout.write(f"提示：{notice}")
        if options["verbose_changes"] or options["dry_run"]:
            for change in result.changes:
                if change.action != "不变":
                    where = f"第{change.row}行 " if change.row else ""
                    self.stdout.write(
                        f"{where}{change.action} {change.unit} {change.what}：{change.old or '—'} → {change.new or '—'}"
                    )
        self.stdout.write(result.summary())

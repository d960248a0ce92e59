"""The shared shape of the import commands: a file, --year, --dry-run, errors as 第N行 lines."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.calendar import FIRST_YEAR, LAST_YEAR

from .results import ImportRejected, ImportResult


def acting_user_option(username: str | None):
    """The account named by ``--user`` (for the history), or ``None`` for the system."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"找不到用户：{username}")
    return user


def report_rejection(command: BaseCommand, exc: ImportRejected) -> CommandError:
    """Print the errors (at most 200 and ``另有N处错误``) and return the error to raise."""
    if exc.sheet:
        command.stdout.write(f"读取工作表：{exc.sheet}")
    for error in exc.listed:
        command.stderr.write(str(error))
    if exc.more:
        command.stderr.write(exc.more)
    return CommandError(f"共{len(exc.errors)}处错误，未导入任何数据。")


def print_result(command: BaseCommand, result: ImportResult, *, verbose: bool) -> None:
    if result.sheet:
        command.stdout.write(f"读取工作表：{result.sheet}")
    for notice in result.notices:
        command.stdout.write(f"提示：{notice}")
    if verbose:
        for change in result.changes:
            if change.action != "不变":
                where = f"第{change.row}行 " if change.row else ""
                command.stdout.write(
                    f"{where}{change.action} {change.unit} {change.what}：{change.old or '—'} → {change.new or '—'}"
                )
    command.stdout.write(result.summary())


class ImportCommand(BaseCommand):
    needs_quarter = False
    file_help = "Excel文件（.xlsx）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=self.file_help)
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
        if not FIRST_YEAR <= options["year"] <= LAST_YEAR:
            raise CommandError(f"年度{options['year']}不在{FIRST_YEAR}至{LAST_YEAR}之间")
        kwargs = {
            "year": options["year"],
            "dry_run": options["dry_run"],
            "acting_user": acting_user_option(options.get("user")),
            "filename": path.name,
        }
        if self.needs_quarter:
            kwargs["quarter"] = options["quarter"]
        try:
            with path.open("rb") as handle:
                result = self.run_import(source=handle, **kwargs)
        except ImportRejected as exc:
            raise report_rejection(self, exc) from exc
        print_result(self, result, verbose=options["verbose_changes"] or options["dry_run"])

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError
from core.restore import backup_restore


class Command(BaseCommand):
    help = "用备份文件整体替换数据库和上传文件，并按备份清单核对每个数据表和文件（make restore FILE=…）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="make backup 生成的 .tar.gz 文件")
        parser.add_argument("--noinput", action="store_true", help="不询问，直接恢复")

    def handle(self, *args, **options):
        if not options["noinput"]:
            answer = input(f"将用 {options['archive']} 替换现有的全部数据和文件，输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消，未做任何改动。")
        try:
            restored = backup_restore(archive=options["archive"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"已恢复：{restored.tables}个数据表共{restored.rows}行、{restored.files}个文件，与备份清单一致。"
        )

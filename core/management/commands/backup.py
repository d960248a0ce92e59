from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库和上传文件（MEDIA_ROOT）到一个 .tar.gz 文件（make backup）。"

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, help="备份文件存放目录（默认 var/backups）")

    def handle(self, *args, **options):
        try:
            archive = backup_create(directory=options["directory"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已备份到 {archive}（{archive.stat().st_size / 1024 / 1024:.1f} MB）")

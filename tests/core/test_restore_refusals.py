"""``make restore`` refuses a malformed or hostile archive with one Chinese sentence and leaves the
live database and media folder exactly as they were: path traversal, an absolute path, links
(absolute, to var/secret_key, hard), a FIFO, a device, a manifest whose database entry points out of
the archive, a manifest that does not match, a failure while swapping in."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from core import restore
from core.backup import backup_create, media_files
from submissions.models import MonthlyPublication
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE = restore.DATABASE_NAMES[connection.vendor]


def every_row() -> dict[str, list[tuple]]:
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


@pytest.fixture
def backup(media_root, tmp_path):
    """A real backup, then the live data changed: a refused restore must leave the changed data."""
    unit = UnitFactory(name="区商务局")
    MonthlyPublication.objects.create(unit=unit, year=2024, month=10, count=12, updated_by=UserFactory())
    (media_root / "jobs").mkdir(parents=True)
    (media_root / "jobs" / "job-1.xlsx").write_bytes(b"result")
    archive = backup_create(directory=tmp_path / "backups")
    MonthlyPublication.objects.update(count=99)
    (media_root / "jobs" / "job-2.xlsx").write_bytes(b"later")
    return archive


def member(name: str, kind: bytes = tarfile.REGTYPE, *, data: bytes = b"", link: str = "") -> tuple:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, link, len(data) if kind == tarfile.REGTYPE else 0
    if kind == tarfile.CHRTYPE:
        info.devmajor, info.devminor = 1, 3
    return info, data


def tampered(archive: Path, *, extra=(), manifest=None) -> Path:
    """``archive`` rewritten with ``extra`` members added and its manifest passed through ``manifest``."""
    target = archive.with_name("tampered.tar.gz")
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for info in source.getmembers():
            data = source.extractfile(info).read() if info.isreg() else b""
            if info.name == "manifest.json" and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
                info.size = len(data)
            out.addfile(info, io.BytesIO(data) if info.isreg() else None)
        for info, data in extra:
            out.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return target


def with_manifest(**changes):
    return lambda manifest: {**manifest, **changes}


def count_one_more(manifest):
    tables = dict(
        manifest["tables"], submissions_monthlypublication=manifest["tables"]["submissions_monthlypublication"] + 1
    )
    return {**manifest, "tables": tables}


NOT_OURS = "不是本系统生成的备份，未做任何恢复。"
CASES = {
    "traversal": (
        {"extra": [member("media/../../outside.txt", data=b"x")]},
        f"备份文件中的路径“media/../../outside.txt”不安全（绝对路径或含“..”），{NOT_OURS}",
    ),
    "absolute-path": (
        {"extra": [member("/tmp/absolute.txt", data=b"x")]},
        f"备份文件中的路径“/tmp/absolute.txt”不安全（绝对路径或含“..”），{NOT_OURS}",
    ),
    "absolute-link": (
        {"extra": [member("media/jobs/passwd", tarfile.SYMTYPE, link="/etc/passwd")]},
        "备份文件中的“media/jobs/passwd”是符号链接，备份中只能有普通文件和文件夹，未做任何恢复。",
    ),
    "link-to-the-secret-key": (
        {"extra": [member("media/jobs/key.xlsx", tarfile.SYMTYPE, link="../../secret_key")]},
        "备份文件中的“media/jobs/key.xlsx”是符号链接，备份中只能有普通文件和文件夹，未做任何恢复。",
    ),
    "hard-link": (
        {"extra": [member("media/jobs/hard.xlsx", tarfile.LNKTYPE, link="database.sqlite3")]},
        "备份文件中的“media/jobs/hard.xlsx”是硬链接，备份中只能有普通文件和文件夹，未做任何恢复。",
    ),
    "fifo": (
        {"extra": [member("media/jobs/pipe", tarfile.FIFOTYPE)]},
        "备份文件中的“media/jobs/pipe”是命名管道（FIFO），备份中只能有普通文件和文件夹，未做任何恢复。",
    ),
    "device": (
        {"extra": [member("media/jobs/null", tarfile.CHRTYPE)]},
        "备份文件中的“media/jobs/null”是字符设备，备份中只能有普通文件和文件夹，未做任何恢复。",
    ),
    "a-member-outside-the-manifest": (
        {"extra": [member("secret_key", data=b"x")]},
        f"备份文件中有清单以外的“secret_key”，{NOT_OURS}",
    ),
    "manifest-database-absolute": (
        {"manifest": with_manifest(database="/etc/passwd")},
        f"备份清单中的数据库文件“/etc/passwd”不对，应为备份中的{DATABASE}，未做任何恢复。",
    ),
    "manifest-database-outside": (
        {"manifest": with_manifest(database="../database.sqlite3")},
        f"备份清单中的数据库文件“../database.sqlite3”不对，应为备份中的{DATABASE}，未做任何恢复。",
    ),
    "manifest-files-mismatch": (
        {"manifest": lambda m: {**m, "files": {**m["files"], "jobs/job-1.xlsx": "0" * 64}}},
        "备份中的文件与清单不符（文件损坏？），未做任何恢复。",
    ),
    "manifest-rows-mismatch": (
        {"manifest": count_one_more},
        # SQLite's copy is counted before the swap; a PostgreSQL dump can only be counted once
        # restored, and is then put back.
        "备份中的数据库与清单不符（数据表submissions_monthlypublication的行数不同），未做任何恢复。"
        if connection.vendor == "sqlite"
        else "恢复后以下数据表的行数与备份清单不符：submissions_monthlypublication；"
        "已放回恢复前的数据库和文件，未做任何恢复。",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_archive_is_refused_and_the_live_data_is_untouched(case, backup, media_root, tmp_path):
    changes, message = CASES[case]
    archive = tampered(backup, **changes)
    rows, files = every_row(), media_files(media_root)

    with pytest.raises(CommandError) as error:
        call_command("restore", str(archive), noinput=True)

    assert str(error.value) == message
    assert every_row() == rows
    assert media_files(media_root) == files
    assert not any(p.is_symlink() for p in media_root.rglob("*"))
    assert not (tmp_path / "outside.txt").exists()
    assert sorted(p.name for p in media_root.parent.iterdir() if p.name.startswith(".restore-")) == []


def test_a_file_that_is_not_an_archive_is_refused(backup, tmp_path):
    path = tmp_path / "not.tar.gz"
    path.write_bytes(b"PK\x03\x04 not a tar")

    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), noinput=True)

    assert str(error.value) == "备份文件已损坏或不是 .tar.gz 文件（ReadError），未做任何恢复。"


def test_a_failure_after_the_swap_puts_the_live_data_back(backup, media_root, monkeypatch):
    rows, files = every_row(), media_files(media_root)
    monkeypatch.setattr(restore, "table_counts", lambda: {"units_unit": -1})

    with pytest.raises(CommandError) as error:
        call_command("restore", str(backup), noinput=True)

    assert str(error.value).startswith("恢复后以下数据表的行数与备份清单不符：")
    assert str(error.value).endswith("；已放回恢复前的数据库和文件，未做任何恢复。")
    assert every_row() == rows
    assert media_files(media_root) == files
    assert MonthlyPublication.objects.get().count == 99


def test_the_untampered_archive_still_restores(backup, media_root):
    call_command("restore", str(tampered(backup)), noinput=True)

    assert MonthlyPublication.objects.get().count == 12
    assert media_files(media_root) == {"jobs/job-1.xlsx": media_files(media_root)["jobs/job-1.xlsx"]}

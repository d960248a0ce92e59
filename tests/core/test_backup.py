"""``make backup`` / ``make restore``: a round trip gives back every row of every table and every
file byte for byte, whatever was changed, deleted or added in between; a damaged or foreign archive
restores nothing."""

import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from core.backup import BackupError, backup_create, media_files
from core.restore import backup_restore
from submissions.models import MonthlyPublication
from tests.factories import UnitFactory, UserFactory
from units.models import Unit

pytestmark = pytest.mark.django_db(transaction=True)


def every_row() -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key (or full-row) order."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


@pytest.fixture
def site(media_root, real_units):
    """Some data and some files, as an installation has."""
    clerk = UserFactory(username="clerk", display_name="张三")
    unit = Unit.objects.get(name="区经济发展研究中心")
    MonthlyPublication.objects.create(unit=unit, year=2024, month=10, count=12, updated_by=clerk)
    (media_root / "evidence" / "2024").mkdir(parents=True)
    (media_root / "evidence" / "2024" / "整改材料.pdf").write_bytes(b"%PDF-1.4 evidence")
    (media_root / "jobs").mkdir()
    (media_root / "jobs" / "job-1.xlsx").write_bytes(bytes(range(256)) * 40)
    return unit


def test_a_round_trip_gives_back_every_table_and_file(site, media_root, tmp_path):
    before_rows, before_files = every_row(), media_files(media_root)
    archive = backup_create(directory=tmp_path / "backups")
    assert archive.name.startswith("linzi_gk-") and archive.suffixes == [".tar", ".gz"]

    # Afterwards: a row changed, one deleted, one added; a file changed, one deleted, one added.
    MonthlyPublication.objects.filter(unit=site).update(count=99)
    Unit.objects.filter(name="区审计局").delete()
    UnitFactory(name="新建单位")
    (media_root / "evidence" / "2024" / "整改材料.pdf").write_bytes(b"changed")
    (media_root / "jobs" / "job-1.xlsx").unlink()
    (media_root / "stray.txt").write_text("new")
    assert every_row() != before_rows

    restored = backup_restore(archive=archive)

    assert every_row() == before_rows
    assert media_files(media_root) == before_files
    assert restored.files == 2
    assert restored.rows == sum(len(rows) for rows in before_rows.values())
    assert MonthlyPublication.objects.get(unit=site).count == 12


def test_the_commands_of_make_backup_and_make_restore(site, media_root, tmp_path, capsys):
    call_command("backup", directory=tmp_path)
    out = capsys.readouterr().out
    assert out.startswith(f"已备份到 {tmp_path}/linzi_gk-")
    archive = next(tmp_path.glob("linzi_gk-*.tar.gz"))
    MonthlyPublication.objects.all().delete()

    call_command("restore", str(archive), noinput=True)

    out = capsys.readouterr().out
    assert out.startswith("已恢复：") and out.strip().endswith("2个文件，与备份清单一致。")
    assert MonthlyPublication.objects.get().count == 12


def test_a_damaged_archive_restores_nothing(site, media_root, tmp_path):
    archive = backup_create(directory=tmp_path)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "media/jobs/job-1.xlsx":
                member.size = 3
                data = io.BytesIO(b"bad")
            target.addfile(member, data)
    MonthlyPublication.objects.all().delete()

    with pytest.raises(BackupError) as error:
        backup_restore(archive=damaged)

    assert str(error.value) == "备份中的文件与清单不符（文件损坏？），未做任何恢复。"
    assert not MonthlyPublication.objects.exists()  # the database was not touched
    assert (media_root / "jobs" / "job-1.xlsx").exists()


def test_an_archive_that_is_not_a_backup_is_refused(tmp_path):
    path = tmp_path / "other.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        (tmp_path / "x.txt").write_text("x")
        tar.add(tmp_path / "x.txt", arcname="x.txt")
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), noinput=True)
    assert str(error.value) == "不是本系统的备份文件：缺少 manifest.json。"


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(BackupError) as error:
        backup_restore(archive=Path(tmp_path / "none.tar.gz"))
    assert str(error.value) == f"找不到备份文件：{tmp_path}/none.tar.gz"


def test_a_restore_with_the_cache_unreachable_completes_and_renews_the_data_version(
    site, media_root, tmp_path, settings, monkeypatch
):
    from core import versioning
    from tests.core.test_cache_unreachable import UNREACHABLE

    archive = backup_create(directory=tmp_path / "backups")
    MonthlyPublication.objects.filter(unit=site).update(count=99)
    settings.CACHES = UNREACHABLE
    versioning.forget_local()

    restored = backup_restore(archive=archive)

    assert restored.files == 2
    assert MonthlyPublication.objects.get(unit=site).count == 12
    assert versioning._PENDING.is_set()  # a new data version once the cache answers again
    versioning.forget_local()

"""Backup and restore of an installation: its database and its media folder in one archive.

``make backup`` writes ``var/backups/linzi_gk-<time>.tar.gz`` holding

- ``database.sqlite3`` (SQLite's online backup: a consistent copy while the app keeps running) or
  ``database.pgdump`` (``pg_dump --format=custom``, a consistent snapshot of PostgreSQL);
- ``media/``: uploaded evidence, job results and everything else under MEDIA_ROOT;
- ``manifest.json``: the engine, the time, the number of rows of every table and the SHA-256 of
  every file, so that a restore proves itself.

``make restore FILE=…`` puts both back (the database replaced as a whole, the media folder swapped
in only once it is completely unpacked) and checks the result against the manifest.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from .versioning import UNREACHABLE, data_changed

FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in Chinese."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持的数据库类型：{vendor}")
    return vendor


def table_counts() -> dict[str, int]:
    """Rows of every table of the database (Django's and the apps')."""
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            counts[name] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> dict[str, str]:
    """``relative path → SHA-256`` of every file under ``root``."""
    files = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            files[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    return args, {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as exc:
        raise BackupError(f"找不到程序 {command[0]}：请安装 postgresql-client。") from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} 失败：{result.stderr.strip()[-500:]}")


def _dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        args, env = _pg_env()
        _run(
            ["pg_dump", *args, "--format=custom", "--no-owner", "-f", str(target), connection.settings_dict["NAME"]],
            env,
        )


def backup_create(*, directory: Path | None = None) -> Path:
    """Write the archive of this installation and return its path."""
    engine = _engine()
    directory = Path(directory or Path(settings.BASE_DIR) / "var" / "backups")
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"linzi_gk-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        database = Path(work) / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
        _dump_database(engine, database)
        manifest = {
            "format": FORMAT_VERSION,
            "engine": engine,
            "created": datetime.datetime.now().isoformat(timespec="seconds"),
            "database": database.name,
            "tables": table_counts(),
            "files": media_files(media_root),
        }
        partial = archive.with_suffix(".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(database, arcname=database.name)
            if media_root.exists():
                tar.add(media_root, arcname="media")
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            tar.addfile(info, fileobj=io.BytesIO(data))
        os.replace(partial, archive)  # never a half archive under the final name
    return archive


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile("manifest.json")
    except KeyError as exc:
        raise BackupError("不是本系统的备份文件：缺少 manifest.json。") from exc
    manifest = json.loads(member.read())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"备份文件格式版本{manifest.get('format')}不受支持。")
    return manifest


def _restore_database(engine: str, dump: Path) -> None:
    if engine == "sqlite":
        source = sqlite3.connect(dump)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        connection.close()  # no open transaction or lock of ours stands in the way
        args, env = _pg_env()
        _run(
            ["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "--single-transaction",
             "-d", connection.settings_dict["NAME"], str(dump)],
            env,
        )  # fmt: skip


def backup_restore(*, archive: Path) -> Restored:
    """Replace the database and the media folder by those of ``archive`` and verify them."""
    engine = _engine()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"找不到备份文件：{archive}")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as work, tarfile.open(archive, "r:gz") as tar:
        manifest = _read_manifest(tar)
        if manifest["engine"] != engine:
            raise BackupError(f"备份来自{manifest['engine']}数据库，本系统现用{engine}：请在同类数据库上恢复。")
        tar.extractall(work, filter="data")
        unpacked_media = Path(work) / "media"
        unpacked_media.mkdir(exist_ok=True)
        if media_files(unpacked_media) != manifest["files"]:
            raise BackupError("备份中的文件与清单不符（文件损坏？），未做任何恢复。")
        _restore_database(engine, Path(work) / manifest["database"])
        old = Path(work) / "media-before-restore"
        if media_root.exists():
            os.replace(media_root, old)
        os.replace(unpacked_media, media_root)
    try:
        cache.clear()  # pages and tables cached from the data before the restore
    except UNREACHABLE:
        data_changed()  # the cache is away: a new data version as soon as it answers again
    counts = table_counts()
    differing = sorted(t for t in set(counts) | set(manifest["tables"]) if counts.get(t) != manifest["tables"].get(t))
    if differing:
        raise BackupError(f"恢复后以下数据表的行数与备份清单不符：{'、'.join(differing)}")
    if media_files(media_root) != manifest["files"]:
        raise BackupError("恢复后的文件与备份清单不符。")
    return Restored(tables=len(counts), rows=sum(counts.values()), files=len(manifest["files"]))

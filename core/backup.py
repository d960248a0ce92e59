"""Backup and restore of an installation: its database and its media folder in one archive.

``make backup`` writes ``var/backups/linzi_gk-<time>.tar.gz`` holding

- ``database.sqlite3`` (SQLite's online backup: a consistent copy while the app keeps running) or
  ``database.pgdump`` (``pg_dump --format=custom``, a consistent snapshot of PostgreSQL);
- ``media/``: uploaded evidence, job results and everything else under MEDIA_ROOT;
- ``manifest.json``: the engine, the time, the number of rows of every table and the SHA-256 of
  the database file and of every media file, so that a restore proves itself.

``make restore FILE=…`` puts both back after checking everything against the manifest
(:mod:`core.restore`).
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
from django.db import connection

FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in Chinese."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


def current_engine() -> str:
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


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, str]:
    """``relative path → SHA-256`` of every file under ``root``."""
    files = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            files[path.relative_to(root).as_posix()] = file_sha256(path)
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


def dump_database(engine: str, target: Path) -> None:
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
    engine = current_engine()
    directory = Path(directory or Path(settings.BASE_DIR) / "var" / "backups")
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"linzi_gk-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        database = Path(work) / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
        dump_database(engine, database)
        manifest = {
            "format": FORMAT_VERSION,
            "engine": engine,
            "created": datetime.datetime.now().isoformat(timespec="seconds"),
            "database": database.name,
            "database_sha256": file_sha256(database),
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


def restore_database(engine: str, dump: Path) -> None:
    """Replace the whole database by ``dump`` (one step of SQLite's backup, one transaction of
    ``pg_restore``: all or nothing)."""
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

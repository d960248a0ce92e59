"""Restoring a backup (``make restore FILE=…``): everything checked before the live data is touched.

1. Every member of the archive is checked from its header before anything is unpacked: only plain
   files and folders (no symbolic or hard links, devices, FIFOs), each under a plain relative name
   (no absolute path, no ``..``, no ``.``, no backslash) that is ``manifest.json``, the database
   file the manifest names for this engine, or under ``media/``; no name twice.
2. The manifest is checked (its format, engine, the database file's exact name, the tables and the
   files) and the media files in the archive must be exactly those it lists.
3. The archive is unpacked into a private folder beside MEDIA_ROOT, each file created new (never
   through an existing path) with its SHA-256 compared to the manifest; a SQLite database is
   opened read-only and its tables counted against the manifest.
4. Only then is the live data swapped: the live database copied aside, the media folder renamed
   aside and the new one renamed in, the database restored (all or nothing), the result verified.
   Any failure from there on puts the copied database and the old media folder back.

Every refusal is a :class:`~core.backup.BackupError` with one Chinese sentence, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import cache

from .backup import (
    FORMAT_VERSION,
    BackupError,
    Restored,
    current_engine,
    dump_database,
    media_files,
    restore_database,
    table_counts,
)
from .versioning import UNREACHABLE, data_changed

MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
_KINDS = {
    tarfile.SYMTYPE: "符号链接",
    tarfile.LNKTYPE: "硬链接",
    tarfile.CHRTYPE: "字符设备",
    tarfile.BLKTYPE: "块设备",
    tarfile.FIFOTYPE: "命名管道（FIFO）",
}
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_BROKEN = (tarfile.TarError, OSError, EOFError, zlib.error)


def _refuse(reason: str) -> BackupError:
    return BackupError(f"{reason}，未做任何恢复。")


def _plain(name: str) -> bool:
    """A relative name of plain parts: no absolute path, ``..``, ``.``, empty part or backslash."""
    if not name or name.startswith("/") or "\\" in name or "\0" in name:
        return False
    return all(part not in ("", ".", "..") and not part.endswith(":") for part in name.split("/"))


def _check_member(member: tarfile.TarInfo, seen: set[str]) -> None:
    name, shown = member.name, member.name[:200]
    if not (member.isreg() or member.isdir()):
        kind = _KINDS.get(member.type, "特殊文件")
        raise _refuse(f"备份文件中的“{shown}”是{kind}，备份中只能有普通文件和文件夹")
    if not _plain(name):
        raise _refuse(f"备份文件中的路径“{shown}”不安全（绝对路径或含“..”），不是本系统生成的备份")
    if name in seen:
        raise _refuse(f"备份文件中“{shown}”出现了两次，不是本系统生成的备份")
    seen.add(name)


def _members(tar: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    seen: set[str] = set()
    members = {}
    for member in tar.getmembers():
        _check_member(member, seen)
        members[member.name] = member
    return members


def _check_names(members: dict[str, tarfile.TarInfo], database: str) -> None:
    """Only the manifest, the database file it names and the media folder."""
    for name, member in members.items():
        top = PurePosixPath(name).parts[0]
        if name in (MANIFEST, database) and member.isreg():
            continue
        if top == MEDIA and (name != MEDIA or member.isdir()):
            continue
        raise _refuse(f"备份文件中有清单以外的“{name[:200]}”，不是本系统生成的备份")


def _read_manifest(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo], engine: str) -> dict:
    member = members.get(MANIFEST)
    if member is None:
        raise BackupError("不是本系统的备份文件：缺少 manifest.json。")
    if member.size > MAX_MANIFEST_BYTES:
        raise _refuse("备份清单 manifest.json 过大，不是本系统生成的备份")
    try:
        manifest = json.loads(tar.extractfile(member).read())
    except (ValueError, UnicodeDecodeError) as exc:
        raise _refuse("备份清单 manifest.json 不是有效的JSON") from exc
    version = manifest.get("format") if isinstance(manifest, dict) else None
    if version != FORMAT_VERSION:
        raise BackupError(f"备份文件格式版本{version}不受支持。")
    if manifest.get("engine") != engine:
        raise BackupError(f"备份来自{manifest.get('engine')}数据库，本系统现用{engine}：请在同类数据库上恢复。")
    if manifest.get("database") != DATABASE_NAMES[engine]:
        shown = str(manifest.get("database"))[:200]
        raise _refuse(f"备份清单中的数据库文件“{shown}”不对，应为备份中的{DATABASE_NAMES[engine]}")
    tables, files = manifest.get("tables"), manifest.get("files")
    if not (isinstance(tables, dict) and all(type(n) is int for n in tables.values())):
        raise _refuse("备份清单中的数据表行数不完整")
    if not (isinstance(files, dict) and all(_plain(n) and isinstance(h, str) for n, h in files.items())):
        raise _refuse("备份清单中的文件列表不完整或含不安全的路径")
    return manifest


def _check_against_manifest(members: dict[str, tarfile.TarInfo], manifest: dict, work: Path) -> None:
    _check_names(members, manifest["database"])
    if manifest["database"] not in members:
        raise _refuse(f"备份文件中缺少数据库文件{manifest['database']}")
    prefix = f"{MEDIA}/"
    archived = {n.removeprefix(prefix) for n, m in members.items() if n.startswith(prefix) and m.isreg()}
    if archived != set(manifest["files"]):
        raise _refuse("备份中的文件与清单不符（文件损坏？）")
    needed = sum(m.size for m in members.values() if m.isreg())
    if needed > shutil.disk_usage(work).free:
        raise _refuse(f"磁盘空间不足：解开备份需要{needed // 1024 // 1024}MB")


def _unpack(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo], manifest: dict, work: Path) -> None:
    """Create every folder and file afresh under ``work``; each media file must hash as listed."""
    (work / MEDIA).mkdir()
    for name, member in sorted(members.items()):
        target = work / name
        if member.isdir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(member) as source, target.open("xb") as out:
            while block := source.read(1 << 20):
                digest.update(block)
                out.write(block)
        listed = manifest["files"].get(name.removeprefix(f"{MEDIA}/")) if name.startswith(f"{MEDIA}/") else None
        if listed is not None and digest.hexdigest() != listed:
            raise _refuse("备份中的文件与清单不符（文件损坏？）")
        if name == manifest["database"] and manifest.get("database_sha256") not in (None, digest.hexdigest()):
            raise _refuse("备份中的数据库文件与清单不符（文件损坏？）")


def _quoted(name: str) -> str:
    return name.replace('"', '""')


def _check_sqlite(dump: Path, tables: dict[str, int]) -> None:
    """The unpacked SQLite database opens, passes SQLite's quick check and has the listed rows."""
    try:
        db = sqlite3.connect(f"{dump.as_uri()}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _refuse("备份中的数据库文件已损坏")
            names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counts = {n: db.execute(f'SELECT COUNT(*) FROM "{_quoted(n)}"').fetchone()[0] for n in names if n in tables}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse("备份中的数据库文件已损坏或不是SQLite数据库") from exc
    differing = sorted(t for t in tables if counts.get(t) != tables[t])
    if differing:
        raise _refuse(f"备份中的数据库与清单不符（数据表{'、'.join(differing[:5])}的行数不同）")


def _prepare(archive: Path, work: Path, engine: str) -> dict:
    """Check the archive and unpack it into ``work``; the live data is not touched."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = _members(tar)
            manifest = _read_manifest(tar, members, engine)
            _check_against_manifest(members, manifest, work)
            _unpack(tar, members, manifest, work)
    except _BROKEN as exc:
        raise _refuse(f"备份文件已损坏或不是 .tar.gz 文件（{type(exc).__name__}）") from exc
    if engine == "sqlite":
        _check_sqlite(work / manifest["database"], manifest["tables"])
    return manifest


def _verify(manifest: dict, media_root: Path) -> None:
    counts = table_counts()
    differing = sorted(t for t in set(counts) | set(manifest["tables"]) if counts.get(t) != manifest["tables"].get(t))
    if differing:
        raise BackupError(f"恢复后以下数据表的行数与备份清单不符：{'、'.join(differing)}")
    if media_files(media_root) != manifest["files"]:
        raise BackupError("恢复后的文件与备份清单不符。")


def _swap(manifest: dict, work: Path, media_root: Path, engine: str) -> None:
    """Put the unpacked data in place; on any failure put the live data back as it was."""
    before = work / f"before-{DATABASE_NAMES[engine]}"
    dump_database(engine, before)
    old_media = work / "media-before-restore"
    had_media = media_root.exists()
    if had_media:
        os.replace(media_root, old_media)
    try:
        os.replace(work / MEDIA, media_root)
        restore_database(engine, work / manifest["database"])
        _verify(manifest, media_root)
    except BaseException as exc:
        restore_database(engine, before)
        if media_root.exists():
            os.replace(media_root, work / "media-refused")
        if had_media:
            os.replace(old_media, media_root)
        if isinstance(exc, BackupError):
            raise BackupError(f"{str(exc).rstrip('。')}；已放回恢复前的数据库和文件，未做任何恢复。") from exc
        raise


def backup_restore(*, archive: Path) -> Restored:
    """Replace the database and the media folder by those of ``archive``, once all is checked."""
    engine = current_engine()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"找不到备份文件：{archive}")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as folder:
        work = Path(folder)
        manifest = _prepare(archive, work, engine)
        _swap(manifest, work, media_root, engine)
    try:
        cache.clear()  # pages and tables cached from the data before the restore
    except UNREACHABLE:
        data_changed()  # the cache is away: a new data version as soon as it answers again
    return Restored(tables=len(manifest["tables"]), rows=sum(manifest["tables"].values()), files=len(manifest["files"]))

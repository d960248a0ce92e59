"""Uploaded files waiting for their preview to be confirmed.

The file is kept in private storage (``MEDIA_ROOT/uploads``, never served) under a random token
with its SHA-256; the session remembers the user's last few uploads. Committing checks the
checksum again, so only the file that was previewed is ever imported. Files nobody confirmed or
cancelled are removed after a day (here on every upload, and by ``cleanup_uploads``).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SESSION_KEY = "staged_uploads"
SUBDIR = "uploads"
STALE_SECONDS = 24 * 3600
KEEP_PER_SESSION = 5


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / SUBDIR
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def remove_stale_uploads(*, older_than: float = STALE_SECONDS) -> int:
    """Delete staged files older than ``older_than`` seconds; returns how many were removed."""
    limit = time.time() - older_than
    removed = 0
    for path in upload_dir().glob("*.xlsx"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


@dataclass(frozen=True)
class StagedUpload:
    token: str
    meta: dict
    """What the upload form said (kind, year …) plus ``filename``, ``sha256`` and ``stored_at``."""

    @property
    def path(self) -> Path:
        return upload_dir() / f"{self.token}.xlsx"

    @property
    def filename(self) -> str:
        return self.meta["filename"]

    def unchanged(self, posted_sha256: str | None = None) -> bool:
        """The stored file is the one previewed (and, when given, the one the page showed)."""
        expected = self.meta["sha256"]
        return file_sha256(self.path) == expected and (posted_sha256 is None or posted_sha256 == expected)


def stage(session, upload, meta: dict) -> StagedUpload:
    """Store an uploaded file and remember it in ``session``; the oldest beyond the last few are dropped."""
    remove_stale_uploads()
    token = secrets.token_urlsafe(18)
    path = upload_dir() / f"{token}.xlsx"
    digest = hashlib.sha256()
    with path.open("xb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    uploads = dict(session.get(SESSION_KEY, {}))
    for old in sorted(uploads, key=lambda t: uploads[t]["stored_at"])[: max(0, len(uploads) - KEEP_PER_SESSION + 1)]:
        uploads.pop(old)
        (upload_dir() / f"{old}.xlsx").unlink(missing_ok=True)
    full = {**meta, "filename": Path(upload.name).name, "sha256": digest.hexdigest(), "stored_at": time.time()}
    uploads[token] = full
    session[SESSION_KEY] = uploads
    return StagedUpload(token, full)


def staged(session, token: str) -> StagedUpload | None:
    meta = session.get(SESSION_KEY, {}).get(token)
    return StagedUpload(token, meta) if meta is not None else None


def discard(session, token: str) -> None:
    """Forget an upload and delete its file."""
    uploads = dict(session.get(SESSION_KEY, {}))
    uploads.pop(token, None)
    (upload_dir() / f"{token}.xlsx").unlink(missing_ok=True)
    session[SESSION_KEY] = uploads

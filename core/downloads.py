"""Handing out a file: the one way every page gives a PDF, a workbook or an uploaded file to the
browser (``FileResponse(as_attachment=True)``, the MIME type from the name, a file name the browser
and the disk accept), and the ``pdf|xlsx`` part of the download URLs (the ``fileformat`` converter).
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
from pathlib import PurePosixPath
from typing import BinaryIO

from django.http import FileResponse

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {"pdf": PDF, "xlsx": XLSX}
FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel"}

MAX_NAME_BYTES = 255
"""The longest file name (in UTF-8 bytes) that Linux file systems and the browsers accept."""
MAX_LABEL = 200
"""The longest label of a background job (its field's length)."""
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class FileFormat:
    """The URL converter ``<fileformat:fmt>`` (registered by ``CoreConfig.ready``): ``pdf`` or ``xlsx``."""

    regex = "pdf|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def content_type(filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower().lstrip(".")
    return TYPES.get(suffix) or mimetypes.guess_type(filename)[0] or "application/octet-stream"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with ``…``."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_filename(name: str, *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name the disk and the browser accept: no path separators or control characters, at
    most ``max_bytes`` in UTF-8 (a long stem is shortened, the suffix kept). A shortened name ends
    with a short digest of the full name, so two long titles that differ only at the end keep
    different names."""
    name = _UNSAFE.sub("_", " ".join(name.split())).strip(" .") or "文件"
    if len(name.encode()) <= max_bytes:
        return name
    path = PurePosixPath(name)
    suffix = path.suffix if len(path.suffix) <= 10 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    digest = "～" + hashlib.sha256(name.encode()).hexdigest()[:8]
    room = max_bytes - len((digest + suffix).encode())
    kept = stem.encode()[:room].decode(errors="ignore").rstrip(" .")
    return f"{kept}{digest}{suffix}"


def file_response(content: bytes | BinaryIO, filename: str) -> FileResponse:
    """``content`` (bytes or an open binary file) as a download named ``filename``."""
    handle = io.BytesIO(bytes(content)) if isinstance(content, bytes | bytearray | memoryview) else content
    name = safe_filename(filename)
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type(name))

"""Checking a zip-based office file (.xlsx, .docx) before any library parses it.

Every reader of such a file calls :func:`check_archive` on its bytes first. From the zip directory
alone, before anything is decompressed, it refuses an archive with too many parts, a part that
would unpack to more than :data:`MAX_PART_BYTES`, parts that together would unpack to more than
:data:`MAX_TOTAL_BYTES`, or a part packed more tightly than :data:`MAX_RATIO` to one (a "zip
bomb": a small file that unpacks to hundreds of megabytes). The directory bounds what can be read:
Python's ``zipfile`` never returns more bytes of a part than the directory declares.

Then the start of every part is read, up to its first element: an XML part that declares a DTD
(``<!DOCTYPE``, with or without ``<!ENTITY`` declarations, the "billion laughs" expansion) is
refused before a parser expands anything (Office applications never write a DTD), and an XML part
that does not hold the data (the caller names the first elements of those that do) may unpack to
at most :data:`MAX_OTHER_PART_BYTES`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

from .results import ImportRejected, file_error

MAX_PARTS = 1000
MAX_PART_BYTES = 32 * 1024 * 1024
"""A part holding the data (a worksheet, the shared strings, a Word document's body)."""
MAX_OTHER_PART_BYTES = 4 * 1024 * 1024
"""Any other XML part (styles, workbook, relationships …): parsed whole by the libraries, so kept
small (4 MB of styles take openpyxl about a second; Excel's 64,000 cell formats take about 5 MB)."""
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
"""Uncompressed to compressed size; real parts stay far below it (a sheet of numbers about 17)."""
RATIO_GRACE_BYTES = 1024 * 1024
"""Parts up to this size may be packed more tightly (a tiny part of blanks compresses well)."""
_CHUNK = 64 * 1024
_MB = 1024 * 1024


@dataclass(frozen=True)
class Part:
    name: str
    root: str
    """The local name of the part's first element (``sst``, ``worksheet`` …), ``""`` if not XML."""


class _Doctype(Exception):
    pass


class _Root(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _bomb(reason: str) -> ImportRejected:
    return ImportRejected([file_error(f"无法读取：{reason}，可能是恶意构造的“压缩炸弹”，已拒绝，未读取其内容。")])


def _check_directory(parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_PARTS:
        raise _bomb(f"文件内部有{len(parts)}个部分，超过上限{MAX_PARTS}个")
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            size = round(part.file_size / _MB)
            raise _bomb(f"文件内部的{part.filename[:100]}解压后有{size}MB，超过上限{MAX_PART_BYTES // _MB}MB")
        if part.file_size > RATIO_GRACE_BYTES and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            raise _bomb(f"文件内部的{part.filename[:100]}压缩了{ratio}倍，超过上限{MAX_RATIO}倍")
        total += part.file_size
    if total > MAX_TOTAL_BYTES:
        raise _bomb(f"文件解压后共有{round(total / _MB)}MB，超过上限{MAX_TOTAL_BYTES // _MB}MB")


def _doctype(*_args) -> None:
    raise _Doctype


def _root(name: str, _attributes) -> None:
    raise _Root(name.rpartition(" ")[2])


def _first_element(stream) -> str:
    """The local name of the first element of an XML stream, read up to there and no further;
    ``""`` for a part that is not XML. Raises :class:`_Doctype` on a document type declaration."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _doctype
    parser.StartElementHandler = _root
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Root as found:
        return found.name
    except expat.ExpatError:
        return ""  # not XML (an image): no XML parser reads it as a document either
    return ""


XML_NAMES = (".xml", ".rels", ".vml")


def _check_size(part: zipfile.ZipInfo, root: str, data_parts: frozenset[str]) -> None:
    xml = root != "" or part.filename.lower().endswith(XML_NAMES)
    if xml and root not in data_parts and part.file_size > MAX_OTHER_PART_BYTES:
        size = round(part.file_size / _MB)
        raise _bomb(f"文件内部的{part.filename[:100]}解压后有{size}MB，超过上限{MAX_OTHER_PART_BYTES // _MB}MB")


def check_archive(data: bytes, *, unreadable: str, data_parts: frozenset[str]) -> list[Part]:
    """Refuse (:class:`ImportRejected`, one Chinese sentence) a zip bomb or a part with a DTD.

    ``unreadable`` is the sentence for bytes that are not a readable zip archive at all;
    ``data_parts`` the local names of the first elements of the parts that hold the data
    (``{"worksheet", "sst"}`` for a workbook), which may be larger than the others. Returns the
    parts with their first element, for a reader that checks a part further.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRejected([file_error(unreadable)]) from exc
    _check_directory(parts)
    found = []
    with archive:
        for part in parts:
            if part.is_dir():
                continue
            try:
                with archive.open(part) as stream:
                    root = _first_element(stream)
            except _Doctype as exc:
                raise ImportRejected(
                    [
                        file_error(
                            f"无法读取：文件内部的{part.filename[:100]}含有文档类型定义（<!DOCTYPE>），"
                            "Office和WPS保存的文件不会有这种内容，可能是恶意构造的文件，已拒绝。"
                        )
                    ]
                ) from exc
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise ImportRejected([file_error(unreadable)]) from exc
            _check_size(part, root, data_parts)
            found.append(Part(part.filename, root))
    return found


def count_elements(data: bytes, name: str, local_name: str, *, limit: int) -> int:
    """How many ``local_name`` elements (any prefix) the part ``name`` holds, read as a stream of
    bytes without parsing; counting stops once past ``limit``."""
    pattern = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + re.escape(local_name.encode()) + rb"[\s/>]")
    count, carry = 0, b""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as stream:
        while count <= limit and (chunk := stream.read(_CHUNK * 16)):
            window = carry + chunk
            cut = window.rfind(b"<", max(0, len(window) - 256))  # a tag cut off by the chunk's end
            cut = len(window) if cut == -1 else cut
            count += len(pattern.findall(window, 0, cut))
            carry = window[cut:]
    return count + len(pattern.findall(carry))

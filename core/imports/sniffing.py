"""What an uploaded file really is, whatever its name says: a Word document (.docx), an Excel
workbook (.xlsx), or something else, named in one plain sentence that says what to do (an old
``.doc`` is to be saved again as ``.docx``)."""

from __future__ import annotations

import io
import struct
import zipfile

from .archive import MAX_PARTS
from .results import ImportRejected, file_error

SAVE_AS_DOCX = "请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = MAX_PARTS
MAX_DIRECTORY_BYTES = 1024 * 1024


def check_zip_directory(data: bytes) -> None:
    """Bound the member count and the directory's size from the archive's end record, before
    anything reads the directory (a crafted file may list millions of members)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        raise ImportRejected([file_error(f"无法读取：文件已损坏，不是完整的Word文档或Excel工作簿。{SAVE_AS_DOCX}")])
    entries, directory_size = struct.unpack("<HI", data[end + 10 : end + 16])
    if entries > MAX_MEMBERS or directory_size > MAX_DIRECTORY_BYTES:
        raise ImportRejected(
            [file_error(f"无法读取：文件包含的部件过多（超过{MAX_MEMBERS}个），不是正常的Word文档或Excel工作簿。")]
        )


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole(data: bytes) -> str:
    """An OLE compound file: old Word or Excel, or an Office file with an opening password."""
    if _utf16("EncryptedPackage") in data:
        return "这是设有打开密码的文件，请在Word或WPS中取消密码后另存为 .docx 再导入。"
    if _utf16("WordDocument") in data:
        return f"这是旧版Word文件（.doc）或WPS文字文件（.wps），不能直接导入：{SAVE_AS_DOCX}"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "这是旧版Excel文件（.xls），请在Excel或WPS中另存为 .xlsx 再导入。"
    return f"这是旧版Office文件，{SAVE_AS_DOCX}"


def _zip_kind(data: bytes) -> str:
    check_zip_directory(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()[:5000]
            content_types = ""
            if "[Content_Types].xml" in names and archive.getinfo("[Content_Types].xml").file_size < 1_000_000:
                content_types = archive.read("[Content_Types].xml").decode("utf-8", errors="ignore")
            opendocument = "mimetype" in names and archive.getinfo("mimetype").file_size < 200
            mimetype = archive.read("mimetype").decode("ascii", errors="ignore") if opendocument else ""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError, KeyError):
        raise ImportRejected(
            [file_error(f"无法读取：文件已损坏，不是完整的Word文档或Excel工作簿。{SAVE_AS_DOCX}")]
        ) from None
    if "opendocument.text" in mimetype:
        return "reject:这是OpenDocument文本（.odt），请在WPS或Word中另存为 .docx 再导入。"
    if "opendocument.spreadsheet" in mimetype:
        return "reject:这是OpenDocument表格（.ods），请另存为 .xlsx 再导入。"
    if any(name.startswith("word/") for name in names):
        if "macroEnabled" in content_types:
            return f"reject:这是启用宏的Word文档（.docm），{SAVE_AS_DOCX}"
        if "template.main" in content_types:
            return f"reject:这是Word模板（.dotx），{SAVE_AS_DOCX}"
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("ppt/") for name in names):
        return "reject:这是PowerPoint演示文稿，不是Word文档或Excel工作簿。"
    return "reject:这是压缩文件（如.zip），不是Word文档或Excel工作簿。"


def _text_kind(head: bytes) -> str:
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith(b"{\\rtf"):
        return f"这是RTF格式的文件，{SAVE_AS_DOCX}"
    if lowered.startswith((b"<html", b"<!doctype html", b"mime-version")) or b"<html" in lowered[:1024]:
        return f"这是网页（HTML）格式的文件（网站上下载的“.doc”常是这样），{SAVE_AS_DOCX}"
    if lowered.startswith(b"<?xml"):
        return f"这是XML文件（如Word 2003 XML），{SAVE_AS_DOCX}"
    return "这是文本文件，不是Word文档或Excel工作簿。"


def file_kind(data: bytes) -> str:
    """``"docx"`` or ``"xlsx"``; anything else is refused with a sentence naming what it is."""
    head = data[:2048]
    if not head.strip():
        reason = "这是空文件。"
    elif head.startswith(OLE):
        reason = _ole(data)
    elif head.startswith(b"%PDF"):
        reason = "这是PDF文件，读不出其中的表格：请上传Word原稿（.docx）；只有PDF的，请按Word模板重新填写。"
    elif head.startswith(b"PK"):
        kind = _zip_kind(data)
        if not kind.startswith("reject:"):
            return kind
        reason = kind.removeprefix("reject:")
    else:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            reason = "这是无法识别的文件，不是Word文档（.docx）或Excel工作簿（.xlsx）。"
        else:
            reason = _text_kind(head)
    raise ImportRejected([file_error(f"无法读取：{reason}")])

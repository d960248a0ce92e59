"""Reading the worksheet a person sees in an uploaded workbook, bounded in size and time.

The file is streamed (openpyxl's read-only mode) with its declared dimension ignored: rows and
columns are counted from the cells actually read, and reading stops as soon as a limit is passed,
so a tiny crafted file that declares (or truly has) a cell in the sheet's far corner is refused in
a fraction of a second. The sheet read is the active one if visible, else the first visible one;
hidden sheets are never read. Other visible sheets with something in them (a clerk's register with a
tab per year) are named in a notice, so nobody takes the import of one tab for the whole workbook.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .archive import check_archive, count_elements
from .results import ImportRejected, file_error

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 60
MAX_CELLS = 150_000
"""Cells read (empty ones inside a row included): about a second of parsing on a small server."""
PEEK_ROWS = 50
PEEK_SHEETS = 20
"""Rows of another visible sheet looked at to tell whether it holds anything (WPS's empty Sheet2 does not)."""


@dataclass
class Sheet:
    """The rows of one worksheet with their Excel row numbers, and the sheet's name."""

    rows: list[tuple[int, tuple[Any, ...]]]
    name: str = ""
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column), 1-based, when asked for."""
    notices: list[str] = field(default_factory=list)
    """What parsing noticed about the sheet as a whole (the columns it did not read), for the result."""


def _real_type(head: bytes) -> str:
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "旧版Excel（.xls）文件或加密（设有打开密码）的工作簿，请在Excel中取消密码后另存为.xlsx"
    if head.startswith(b"%PDF"):
        return "PDF文件，不是Excel工作簿"
    if head.startswith(b"PK"):
        return "压缩文件（如Word文档或.zip），不是Excel工作簿"
    if not head.strip():
        return "空文件"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            head.decode("gb18030")
        except UnicodeDecodeError:
            return "无法识别的文件，不是Excel工作簿"
    return "文本文件（如CSV），不是Excel工作簿，请在Excel中另存为.xlsx"


UNREADABLE_ERRORS = (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, SyntaxError)
"""What openpyxl raises on a damaged or foreign file (``SyntaxError`` covers both XML parsers' errors)."""


DATA_PARTS = frozenset({"worksheet", "sst"})
"""The parts of a workbook that hold its cells (read as a stream, within the cell limits)."""


def _check(data: bytes) -> None:
    """Refuse, before openpyxl reads anything, what is not a workbook, a zip bomb, a part with a DTD
    (:func:`~core.imports.archive.check_archive`) and a shared-string table longer than the cells
    an import may read (unused strings only cost time)."""
    head = data[:2048]
    unreadable = f"无法读取：这是{_real_type(head)}。"
    if not head.startswith(b"PK"):
        raise ImportRejected([file_error(unreadable)])
    for part in check_archive(data, unreadable=unreadable, data_parts=DATA_PARTS):
        if part.root == "sst" and count_elements(data, part.name, "si", limit=MAX_CELLS) > MAX_CELLS:
            raise _too_large(f"共享字符串表有超过{MAX_CELLS}个字符串")


def _load(data: bytes, *, read_only: bool):
    try:
        # Formulas are read as written ("=SUM(…)") so that they are refused, never silently evaluated.
        return load_workbook(io.BytesIO(data), read_only=read_only, data_only=False)
    except UNREADABLE_ERRORS as exc:
        raise _damaged(data) from exc


def _damaged(data: bytes) -> ImportRejected:
    """What to say of a file openpyxl could not load: a workbook whose inside is broken is not
    "a zip file" to the clerk who saved it from Excel."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        names = set()
    if "xl/workbook.xml" in names:
        return ImportRejected([file_error("无法读取：Excel工作簿已损坏，请在Excel或WPS中打开后另存为.xlsx再上传。")])
    if "word/document.xml" in names:
        return ImportRejected([file_error("无法读取：这是Word文档（.docx），不是Excel工作簿。")])
    return ImportRejected([file_error(f"无法读取：这是{_real_type(data[:2048])}。")])


def _visible_sheet(workbook):
    active = workbook.active
    if active is not None and getattr(active, "sheet_state", "visible") == "visible":
        return active
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            return sheet
    raise ImportRejected([file_error("工作簿中没有可见的工作表。")])


def _too_large(what: str) -> ImportRejected:
    return ImportRejected(
        [
            file_error(
                f"文件过大：{what}。一次最多导入{MAX_ROWS}行、{MAX_COLUMNS}列（共{MAX_CELLS}个单元格），请分批导入。"
            )
        ]
    )


def _stream(sheet, budget: int = MAX_CELLS) -> list[tuple[int, tuple[Any, ...]]]:
    """The rows of ``sheet``, reading at most ``budget`` cells."""
    sheet.reset_dimensions()  # never trust the declared dimension
    rows: list[tuple[int, tuple[Any, ...]]] = []
    cells = MAX_CELLS - budget
    for index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if index > MAX_ROWS:
            raise _too_large(f"工作表“{sheet.title}”超过{MAX_ROWS}行")
        width = len(values)
        if width > MAX_COLUMNS:
            raise _too_large(f"第{index}行有内容的单元格在第{width}列（{get_column_letter(width)}列）")
        cells += width
        if cells > MAX_CELLS:
            raise _too_large(f"工作表“{sheet.title}”的单元格超过{MAX_CELLS}个")
        rows.append((index, tuple(values)))
    return rows


def _read_bytes(source: str | IO[bytes]) -> bytes:
    if isinstance(source, str):
        with open(source, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    else:
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([file_error(f"文件过大：超过{MAX_FILE_BYTES // 1024 // 1024}MB。")])
    return data


def _open(source: str | IO[bytes]) -> tuple[bytes, Any]:
    data = _read_bytes(source)
    _check(data)
    return data, _load(data, read_only=True)


def _read(sheet, budget: int = MAX_CELLS) -> list[tuple[int, tuple[Any, ...]]]:
    """:func:`_stream`, a sheet whose XML turns out broken refused in a sentence."""
    try:
        return _stream(sheet, budget)
    except UNREADABLE_ERRORS as exc:
        raise ImportRejected(
            [file_error(f"无法读取：工作表“{sheet.title}”已损坏，请在Excel中打开后另存为.xlsx再导入。")]
        ) from exc


def read_sheets(source: str | IO[bytes]) -> list[Sheet]:
    """Every visible sheet of an .xlsx file in the workbook's order (a workbook with one table per
    sheet), within the limits of :func:`read_sheet` counted over all the sheets together."""
    _, workbook = _open(source)
    try:
        visible = [sheet for sheet in workbook.worksheets if getattr(sheet, "sheet_state", "visible") == "visible"]
        if not visible:
            raise ImportRejected([file_error("工作簿中没有可见的工作表。")])
        sheets, cells = [], 0
        for sheet in visible:
            rows = _read(sheet, budget=MAX_CELLS - cells)
            cells += sum(len(values) for _, values in rows)
            sheets.append(Sheet(rows=rows, name=sheet.title))
    finally:
        workbook.close()
    return sheets


def _has_content(sheet) -> bool:
    try:
        rows = sheet.iter_rows(max_row=PEEK_ROWS, max_col=MAX_COLUMNS, values_only=True)
        return any(value not in (None, "") for values in rows for value in values)
    except UNREADABLE_ERRORS:
        return False


def _others_notice(workbook, name: str) -> list[str]:
    """A notice naming the other visible sheets that hold something (the first :data:`PEEK_SHEETS`
    looked at): they are not read."""
    visible = [
        sheet
        for sheet in workbook.worksheets
        if sheet.title != name and getattr(sheet, "sheet_state", "visible") == "visible"
    ]
    others = [f"“{sheet.title}”" for sheet in visible[:PEEK_SHEETS] if _has_content(sheet)]
    if not others:
        return []
    more = "等" if len(visible) > PEEK_SHEETS else ""
    return [
        f"工作簿中另有工作表{'、'.join(others)}{more}，未读取：每次只导入当前工作表“{name}”。"
        "其他工作表的内容请另行导入（在Excel中切换到该工作表后保存，或另存为单独的文件）。"
    ]


def read_sheet(source: str | IO[bytes], *, merged: bool = False) -> Sheet:
    """The visible sheet of an .xlsx file; with ``merged`` also its merged cell ranges.

    Raises :class:`ImportRejected` with one plain sentence for a file that is too large (in bytes,
    unpacked, or in rows, columns and cells), is not a workbook (naming what it really is), carries
    a DTD, or has no visible sheet.
    """
    data, workbook = _open(source)
    try:
        sheet = _visible_sheet(workbook)
        name = sheet.title
        rows = _read(sheet)
        notices = _others_notice(workbook, name)
        if merged:  # loading the whole workbook parses every sheet, the hidden ones too: bound them all
            budget = MAX_CELLS - sum(len(values) for _, values in rows)
            for other in workbook.worksheets:
                if other.title != name:
                    budget -= sum(len(values) for _, values in _read(other, budget))
    finally:
        workbook.close()
    result = Sheet(rows=rows, name=name, notices=notices)
    if merged:
        # Within the limits just checked, so loading the whole workbook is bounded too.
        full = _load(data, read_only=False)
        result.merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in full[name].merged_cells.ranges]
    return result

"""Reading an uploaded Word document (.docx) within bounds: its paragraphs and tables in document
order, merged table cells resolved.

A .docx is a zip of XML parts, so nothing is parsed before the archive is checked: the member
count and directory size from the end record, then the checks every office file gets
(:func:`~core.imports.archive.check_archive`: part sizes and compression ratios from the
directory, no document type declaration in any part, so no entity can be expanded), then each part
is read with a tighter bound of its own (the body is parsed whole, so it is kept to
:data:`MAX_BODY_BYTES`), never more bytes than that however the archive lies. Pictures and
embedded objects are never decompressed. python-docx then opens what remains (its parser resolves
no entities either), and
the body is walked once into plain :class:`WordParagraph` and :class:`WordTable` blocks: text of
runs, hyperlinks, insertions, content controls and fields (not deleted text, field codes or text
boxes); table cells spanning columns (``gridSpan``) kept once with their span, the lower parts of a
vertically merged cell (``vMerge``) marked ``continued`` and carrying the merged cell's text.

Anything that cannot be read right is refused whole with one Chinese sentence
(:class:`~core.imports.results.ImportRejected`), in a fraction of a second.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import IO

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from .archive import check_archive
from .reading import MAX_CELLS, MAX_COLUMNS
from .results import ImportRejected, file_error
from .sniffing import MAX_MEMBERS, SAVE_AS_DOCX, check_zip_directory, file_kind

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""A report with a few screenshots; the pictures are not read."""
MAX_BODY_BYTES = 6 * 1024 * 1024
"""One XML part, read and parsed whole (the body of a long report is well under 2 MB; 6 MB take
python-docx about half a second)."""
MAX_XML_BYTES = 12 * 1024 * 1024
BODY_PARTS = frozenset({"document"})
"""The first element of the part that holds the report (the others are styles, settings …)."""
MAX_PARAGRAPHS = 20_000
MAX_TABLES = 500
MAX_TABLE_ROWS = 500
BINARY_FOLDERS = ("word/media/", "word/embeddings/", "word/fonts/", "customXml/media/")
BINARY_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".webp",
    ".svg", ".bin", ".ttf", ".odttf", ".fntdata", ".mp3", ".mp4", ".wav", ".avi", ".wmv",
)  # fmt: skip
PICTURE_SUFFIXES = BINARY_SUFFIXES[:12]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIPPED = {
    f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}instrText", f"{W}delText", f"{W}delInstrText",
    f"{W}rPr", f"{W}pPr", f"{W}tcPr", f"{W}trPr", f"{W}tblPr", f"{W}tblGrid", f"{W}sdtPr", f"{MC}Fallback",
}  # fmt: skip
CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}


@dataclass(frozen=True)
class WordCell:
    text: str
    column: int
    """The grid column where the cell starts (0-based)."""
    span: int = 1
    continued: bool = False
    """The lower part of a vertically merged cell: ``text`` is the merged cell's."""


@dataclass
class WordTable:
    number: int
    """1-based, in document order."""
    rows: list[list[WordCell]] = field(default_factory=list)


@dataclass(frozen=True)
class WordParagraph:
    text: str


Block = WordParagraph | WordTable


@dataclass
class WordDocument:
    blocks: list[Block]
    pictures: int = 0
    """Pictures in the file (not read)."""


def refused(reason: str) -> ImportRejected:
    return ImportRejected([file_error(reason)])


def read_limited(source: str | IO[bytes], limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of an upload, refused when larger than ``limit``."""
    if isinstance(source, str):
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise refused(f"文件过大：超过{limit // 1024 // 1024}MB。")
    return data


# --- the archive --------------------------------------------------------------------------------


def _is_binary(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(BINARY_FOLDERS) or lower.endswith(BINARY_SUFFIXES)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    limit = min(MAX_BODY_BYTES, budget)
    if info.file_size > limit:
        raise refused(f"无法读取：文件中的“{info.filename[:60]}”解压后过大，可能是恶意构造的文件。")
    with archive.open(info) as member:
        content = member.read(limit + 1)
    if len(content) > limit:
        raise refused(f"无法读取：文件中的“{info.filename[:60]}”解压后过大，可能是恶意构造的文件。")
    return content


def _safe_package(data: bytes) -> tuple[bytes, int]:
    """The archive rebuilt with its XML parts checked and its binary parts emptied; and the number
    of pictures it holds."""
    check_zip_directory(data)
    out = io.BytesIO()
    pictures, budget = 0, MAX_XML_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as safe:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise refused(f"无法读取：文件包含的部件过多（超过{MAX_MEMBERS}个），不是正常的Word文档。")
            for info in members:
                if info.is_dir():
                    continue
                if _is_binary(info.filename):
                    lower = info.filename.lower()
                    pictures += lower.startswith("word/media/") and lower.endswith(PICTURE_SUFFIXES)
                    safe.writestr(info.filename, b"")
                    continue
                content = _read_member(archive, info, budget)
                budget -= len(content)
                safe.writestr(info.filename, content)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise refused(f"无法读取：文件已损坏，不是完整的Word文档。{SAVE_AS_DOCX}") from exc
    return out.getvalue(), pictures


# --- the body -------------------------------------------------------------------------------------


class _Budget:
    def __init__(self) -> None:
        self.paragraphs = 0
        self.cells = 0
        self.tables = 0

    def paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise refused(f"文件过大：段落超过{MAX_PARAGRAPHS}个，不像是一份年度报告。")

    def cell(self) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise refused(f"文件过大：表格单元格超过{MAX_CELLS}个。")


def _text(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag not in (f"{W}p", f"{W}tbl"):
            _text(child, out)


def paragraph_text(p) -> str:
    out: list[str] = []
    _text(p, out)
    return "".join(out)


def _children(element, tag: str):
    """``tag`` children of ``element``, also inside content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from _children(child, tag)


def _paragraphs(element):
    """The paragraphs inside a cell, nested tables included, text boxes not."""
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif isinstance(tag, str) and tag not in SKIPPED:
            yield from _paragraphs(child)


def _cell_text(tc, budget: _Budget) -> str:
    lines: list[str] = []
    for child in _paragraphs(tc):
        budget.paragraph()
        lines.append(paragraph_text(child))
    return "\n".join(lines)


def _int_attr(element, path: str, default: int) -> int:
    found = element.find(path)
    if found is None:
        return default
    try:
        return max(0, min(int(found.get(f"{W}val", default)), MAX_COLUMNS))
    except ValueError:
        return default


def _table(tbl, number: int, budget: _Budget) -> WordTable:
    table = WordTable(number)
    above: dict[int, WordCell] = {}
    for index, tr in enumerate(_children(tbl, f"{W}tr")):
        if index >= MAX_TABLE_ROWS:
            raise refused(f"文件过大：第{number}个表格超过{MAX_TABLE_ROWS}行。")
        column = _int_attr(tr, f"{W}trPr/{W}gridBefore", 0)
        row: list[WordCell] = []
        for tc in _children(tr, f"{W}tc"):
            budget.cell()
            span = max(1, _int_attr(tc, f"{W}tcPr/{W}gridSpan", 1))
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val", "continue") == "continue" and column in above:
                cell = WordCell(above[column].text, column, span, continued=True)
            else:
                cell = WordCell(_cell_text(tc, budget), column, span)
            row.append(cell)
            column += span
            if column > MAX_COLUMNS + 4:
                raise refused(f"无法读取：第{number}个表格的一行超过{MAX_COLUMNS}列。")
        for cell in row:
            for grid in range(cell.column, cell.column + cell.span):
                above[grid] = cell
        table.rows.append(row)
    return table


def _frame(tbl):
    """The only cell of a one-cell table that holds paragraphs and tables of its own, else None."""
    rows = list(_children(tbl, f"{W}tr"))
    cells = list(_children(rows[0], f"{W}tc")) if len(rows) == 1 else []
    if len(cells) != 1 or cells[0].find(f"{W}tbl") is None:
        return None
    return cells[0]


def _walk(container, blocks: list[Block], budget: _Budget) -> None:
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            budget.paragraph()
            blocks.append(WordParagraph(paragraph_text(child)))
        elif tag == f"{W}tbl" and _frame(child) is not None:
            _walk(_frame(child), blocks, budget)  # a one-cell table used as a frame around the text
        elif tag == f"{W}tbl":
            budget.tables += 1
            if budget.tables > MAX_TABLES:
                raise refused(f"文件过大：表格超过{MAX_TABLES}个。")
            blocks.append(_table(child, budget.tables, budget))
        elif tag in CONTAINERS:
            _walk(child, blocks, budget)


def read_document(data: bytes) -> WordDocument:
    """The paragraphs and tables of a .docx, in document order (see the module's description)."""
    if file_kind(data) != "docx":
        raise refused(f"无法读取：这不是Word文档。{SAVE_AS_DOCX}")
    check_archive(data, unreadable=f"无法读取：文件已损坏，不是完整的Word文档。{SAVE_AS_DOCX}", data_parts=BODY_PARTS)
    package, pictures = _safe_package(data)
    try:
        document = docx.Document(io.BytesIO(package))
        body = document.element.find(f"{W}body")
        if body is None:
            raise refused(f"无法读取：Word文档没有正文。{SAVE_AS_DOCX}")
        blocks: list[Block] = []
        _walk(body, blocks, _Budget())
    except (
        PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError,
        zipfile.BadZipFile, etree.LxmlError, RecursionError,
    ) as exc:  # fmt: skip
        raise refused(f"无法读取这个Word文件（可能已损坏或不是Word保存的格式）。{SAVE_AS_DOCX}") from exc
    return WordDocument(blocks, pictures)

"""Hostile workbooks, built in memory and small: a workbook as Excel writes it (shared strings),
then with a billion-laughs DTD in one of its parts, a zip bomb of unused shared strings, and the
like. Used by the import tests on the command line and in the browser."""

from __future__ import annotations

import functools
import io
import random
import string
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="sharedStrings.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    "</Relationships>"
)
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET = "xl/worksheets/sheet1.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
WORKBOOK_PART = "xl/workbook.xml"
ROWS = [["单位", "7月"], ["区商务局", 12]]


def _column(index: int) -> str:
    return string.ascii_uppercase[index]


def excel_parts(rows: list[list] = ROWS) -> dict[str, str]:
    """The XML parts of a one-sheet workbook holding ``rows``, text in the shared strings (as Excel
    writes it, unlike openpyxl's inline strings)."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        out = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if isinstance(value, str):
                strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            elif value is not None:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(cells)}</sheetData></worksheet>"
    )
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        + "</sst>"
    )
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        WORKBOOK_PART: WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        SHEET: sheet,
        SHARED_STRINGS: shared,
    }


def pack(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            data = text if isinstance(text, bytes) else text.encode()
            archive.writestr(name, data if data.startswith(b"<?xml") else DECLARATION.encode() + data)
    return buffer.getvalue()


def excel_workbook(rows: list[list] = ROWS) -> bytes:
    return pack(excel_parts(rows))


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)
"""Nine levels of ten: ``&lol9;`` stands for a thousand million "lol"s (3 GB)."""


def billion_laughs(part: str, rows: list[list] = ROWS) -> bytes:
    """A workbook whose ``part`` (the shared strings, the sheet or the workbook) declares the
    entities and uses ``&lol9;`` where text goes."""
    parts = excel_parts(rows)
    text = parts[part]
    if part == SHARED_STRINGS:
        text = text.replace("<si><t>", "<si><t>&lol9;", 1)
    elif part == SHEET:
        laugh = '<row r="9"><c r="A9" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        text = text.replace("</sheetData>", f"{laugh}</sheetData>", 1)
    else:
        text = text.replace('name="Sheet1"', 'name="&lol9;"')
    parts[part] = DECLARATION + LAUGHS + text
    return pack(parts)


@functools.cache
def zip_bomb() -> bytes:
    """About 300 KB on disk; its shared strings, never used by a cell, unpack to 318 MB."""
    parts = excel_parts()
    shared = parts.pop(SHARED_STRINGS).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, DECLARATION + text)
        with archive.open(SHARED_STRINGS, "w", force_zip64=True) as stream:
            stream.write(DECLARATION.encode() + shared.removesuffix(b"</sst>"))
            chunk = b"<si><t>unused</t></si>" * 50_000
            for _ in range(318 * 1024 * 1024 // len(chunk)):
                stream.write(chunk)
            stream.write(b"</sst>")
    return buffer.getvalue()


def tightly_packed() -> bytes:
    """Shared strings of 4 MB packed more than a hundredfold: within the size bound, past the ratio."""
    parts = excel_parts()
    parts[SHARED_STRINGS] = parts[SHARED_STRINGS].replace("</sst>", "<si><t>x</t></si>" * 250_000 + "</sst>")
    return pack(parts)


@functools.cache
def many_strings(count: int = 160_000) -> bytes:
    """More distinct shared strings (random, so not compressible enough to be a bomb) than an
    import may read cells."""
    rng = random.Random(17)
    extra = "".join(f"<si><t>{''.join(rng.choices(string.ascii_letters, k=8))}</t></si>" for _ in range(count))
    parts = excel_parts()
    parts[SHARED_STRINGS] = parts[SHARED_STRINGS].replace("</sst>", extra + "</sst>")
    return pack(parts)


def merged_month_header() -> bytes:
    """单位 | 1月 | 2月 with B2:C2 merged over 1月: the value typed under it in C belongs to no title."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2020年各单位发布数", None, None])
    sheet.append(["单位", "1月", None])
    sheet.append(["区商务局", None, 7])
    sheet.merge_cells("B2:C2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

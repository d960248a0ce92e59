"""Rows to .xlsx bytes: merged headers (and merged body cells) as in the office's tables, numbers
stored as numbers, printable (A4, header rows repeated, fit to width, rows as tall as their wrapped
text, ``第 1 页 共 3 页`` in the footer, an optional mark such as 草稿 at the head of every page) and
every text cell safe from formula injection."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .tabular import Cell, TableData

RISKY_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
FONT = "仿宋_GB2312"
BODY_PT = 11
TITLE_PT = 16
PAGE_FOOTER = "第 &[Page] 页 共 &[Pages] 页"
"""Written to the file as ``第 &P 页 共 &N 页`` (Excel's page number and page count)."""
LINE_PT = 1.35
"""Height of a line of text, in points per point of font size."""
CHAR_UNITS = 2.0
"""Column-width units (the width of a ``0``) a Chinese character of 11 pt takes; half for ASCII."""
NUMBER_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# Cells are styled through three named styles registered once per workbook: assigning a font,
# border and alignment object to every cell makes openpyxl hash them each time (seconds for a
# few thousand rows), a named style is copied by index.
HEADER_STYLE = NamedStyle("gk-header", font=Font(name=FONT, bold=True, size=11), border=BORDER, alignment=CENTER)
BODY_CENTER_STYLE = NamedStyle("gk-body", font=Font(name=FONT, size=11), border=BORDER, alignment=CENTER)
BODY_LEFT_STYLE = NamedStyle("gk-body-left", font=Font(name=FONT, size=11), border=BORDER, alignment=LEFT)


def _named_styles(workbook: Workbook) -> None:
    for style in (HEADER_STYLE, BODY_CENTER_STYLE, BODY_LEFT_STYLE):
        if style.name not in workbook.named_styles:
            workbook.add_named_style(copy(style))


@dataclass
class SheetSpec:
    name: str
    title: str
    header_rows: list[list[Cell]]
    rows: list[list[object]]
    col_widths: list[float]
    landscape: bool = False
    note: str = ""
    text_columns: set[int] = field(default_factory=set)
    """0-based columns aligned left (unit names, sentences)."""
    places_as_written: bool = False
    """Decimal figures show the places they were written with (an amount typed 1.20 reads 1.20);
    otherwise the office's way for points (10.5, not 10.50)."""

    @classmethod
    def of_table(
        cls, name: str, title: str, table: TableData, col_widths: list[float], *, landscape: bool = False
    ) -> SheetSpec:
        """A sheet showing ``table`` as it is (its header, rows, note and text columns)."""
        return cls(
            name,
            title,
            table.header_rows,
            table.rows,
            col_widths,
            landscape=landscape,
            note=table.note,
            text_columns=set(table.text_columns),
        )


def set_safe(cell, value: object) -> None:
    """Write a value; numbers stay numbers, text never becomes a formula."""
    if value is None or value == "":
        cell.value = None
    elif isinstance(value, bool):
        cell.value = "是" if value else "否"
    elif isinstance(value, Decimal):
        cell.value = int(value) if value == value.to_integral_value() else float(value)
    elif isinstance(value, int | float):
        cell.value = value
    else:
        text = str(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(RISKY_PREFIXES):
            cell.quotePrefix = True


def show_places_as_written(cell, value: object) -> None:
    """A Decimal written with places (1.20, 0.012345) is shown with exactly those places."""
    if isinstance(value, Decimal) and (places := -value.as_tuple().exponent) > 0:
        cell.number_format = "0." + "0" * places


def _write_header(ws: Worksheet, start_row: int, header_rows: Sequence[Sequence[Cell]]) -> None:
    occupied: set[tuple[int, int]] = set()
    for r, header in enumerate(header_rows):
        row = start_row + r
        column = 1
        for cell in header:
            while (row, column) in occupied:
                column += 1
            target = ws.cell(row=row, column=column)
            set_safe(target, cell.text)
            end_row, end_col = row + cell.rowspan - 1, column + cell.colspan - 1
            for rr in range(row, end_row + 1):
                for cc in range(column, end_col + 1):
                    occupied.add((rr, cc))
                    ws.cell(row=rr, column=cc).style = HEADER_STYLE.name
            if end_row > row or end_col > column:
                ws.merge_cells(start_row=row, start_column=column, end_row=end_row, end_column=end_col)
            column = end_col + 1


def _body_value(value: object) -> object:
    """A body cell's value; a merged cell (:class:`Cell`) holding a plain number stays a number."""
    if isinstance(value, Cell):
        text = value.text.strip()
        return Decimal(text) if NUMBER_TEXT.fullmatch(text) else value.text
    return value


def _write_body(ws: Worksheet, first_row: int, spec: SheetSpec) -> None:
    """Body rows; a :class:`Cell` among the values merges like a header cell (``colspan``/``rowspan``)."""
    occupied: set[tuple[int, int]] = set()
    for r, values in enumerate(spec.rows):
        row = first_row + r
        column = 1
        for value in values:
            while (row, column) in occupied:
                column += 1
            span = value if isinstance(value, Cell) else Cell("")
            left = span.align == "left" if isinstance(value, Cell) else column - 1 in spec.text_columns
            end_row, end_col = row + span.rowspan - 1, column + span.colspan - 1
            for rr in range(row, end_row + 1):
                for cc in range(column, end_col + 1):
                    occupied.add((rr, cc))
                    ws.cell(row=rr, column=cc).style = BODY_LEFT_STYLE.name if left else BODY_CENTER_STYLE.name
            target = ws.cell(row=row, column=column)
            set_safe(target, _body_value(value))  # after the style: keeps quotePrefix
            if spec.places_as_written:
                show_places_as_written(target, _body_value(value))
            if end_row > row or end_col > column:
                ws.merge_cells(start_row=row, start_column=column, end_row=end_row, end_column=end_col)
            column = end_col + 1


def text_lines(value: object, width_units: float, size_pt: float = BODY_PT) -> int:
    """How many lines a cell's text wraps to in a column ``width_units`` wide."""
    text = "" if value is None else str(value.text if isinstance(value, Cell) else value)
    if isinstance(value, Decimal | int | float):
        return 1
    per_char = CHAR_UNITS * size_pt / BODY_PT
    capacity = max(1.0, (width_units - 1) / per_char)
    return sum(
        max(1, math.ceil(sum(1.0 if ord(c) >= 0x2E80 else 0.5 for c in part) / capacity)) for part in text.split("\n")
    )


def _row_heights(spec: SheetSpec, header_start: int) -> dict[int, float]:
    """Each row's height (points) so that its wrapped text shows whole, on screen and on paper."""
    widths = spec.col_widths
    heights: dict[int, float] = {}
    spans: list[tuple[int, int, float]] = []
    for start, rows in ((header_start, spec.header_rows), (header_start + len(spec.header_rows), spec.rows)):
        occupied: set[tuple[int, int]] = set()
        for r, values in enumerate(rows):
            row, column = start + r, 0
            heights.setdefault(row, BODY_PT * LINE_PT + 4)
            for value in values:
                while (row, column) in occupied:
                    column += 1
                span = value if isinstance(value, Cell) else Cell("")
                width = sum(widths[column : column + span.colspan]) or 8
                need = text_lines(value, width) * BODY_PT * LINE_PT + 4
                for rr in range(row, row + span.rowspan):
                    occupied.update((rr, cc) for cc in range(column, column + span.colspan))
                spans.append((row, span.rowspan, need))
                column += span.colspan
    for row, rowspan, need in spans:
        covered = sum(heights.get(rr, 0) for rr in range(row, row + rowspan))
        if need > covered:
            heights[row + rowspan - 1] = heights.get(row + rowspan - 1, 0) + need - covered
    return heights


def add_sheet(workbook: Workbook, spec: SheetSpec, *, watermark: str = "") -> Worksheet:
    _named_styles(workbook)
    ws = workbook.create_sheet(title=spec.name[:31])
    width = len(spec.col_widths)
    set_safe(ws.cell(row=1, column=1), spec.title)
    ws.cell(row=1, column=1).font = Font(name="方正小标宋简体", size=TITLE_PT)
    ws.cell(row=1, column=1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    total_width = sum(spec.col_widths)
    ws.row_dimensions[1].height = max(32, text_lines(spec.title, total_width, TITLE_PT) * TITLE_PT * LINE_PT + 8)
    header_start = 2
    _write_header(ws, header_start, spec.header_rows)
    first_data = header_start + len(spec.header_rows)
    _write_body(ws, first_data, spec)
    for row, height in _row_heights(spec, header_start).items():
        ws.row_dimensions[row].height = round(height, 1)
    if spec.note:
        note_row = first_data + len(spec.rows) + 1
        set_safe(ws.cell(row=note_row, column=1), spec.note)
        ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=width)
        ws.cell(row=note_row, column=1).alignment = LEFT
        ws.cell(row=note_row, column=1).font = Font(name=FONT, size=BODY_PT)
        ws.row_dimensions[note_row].height = round(text_lines(spec.note, total_width) * BODY_PT * LINE_PT + 4, 1)
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.size = BODY_PT
    if watermark:
        ws.oddHeader.center.text = watermark
        ws.oddHeader.center.size = 28
        ws.oddHeader.center.font = "黑体,Bold"
        ws.oddHeader.center.color = "C00000"
        ws.page_margins.top = 1.2
        ws.page_margins.header = 0.4
    for index, col_width in enumerate(spec.col_widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = col_width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if spec.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if spec.header_rows:
        ws.print_title_rows = f"{header_start}:{first_data - 1}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.freeze_panes = ws.cell(row=first_data, column=1)
    return ws


def build_workbook(sheets: Sequence[SheetSpec], *, watermark: str = "") -> bytes:
    """The sheets as .xlsx bytes; ``watermark`` (e.g. 草稿) heads every printed page of every sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        add_sheet(workbook, spec, watermark=watermark)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

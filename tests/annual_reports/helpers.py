"""Filling the exported workbook as a unit would: find each row by its label, type the values."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from annual_reports.layout import APPEALS, TABLES, cell_key


def fill_workbook(content: bytes, values: dict, *, totals: bool = True) -> bytes:
    """``content`` (an exported workbook or template) with every cell of ``values`` typed in after
    its row's label (the one row of 四 under its header); totals too unless ``totals`` is False."""
    workbook = load_workbook(io.BytesIO(content))
    rows = {row.labels[-1]: (table, row) for table in TABLES for row in table.rows if row.labels}
    for sheet in workbook.worksheets:
        for cells in sheet.iter_rows():
            texts = [c.value for c in cells[:3] if isinstance(c.value, str)]
            label = next((t for t in reversed(texts) if t in rows), None)
            if label is None:
                continue
            table, row = rows[label]
            for offset, column in enumerate(row.columns):
                _type(cells[table.label_columns + offset], values.get(cell_key(row, column)), column, totals)
        if sheet.title == APPEALS.title:
            data_row = list(sheet.iter_rows())[1 + 3]  # after the title and the three header rows
            for cell, column in zip(data_row, APPEALS.rows[0].columns, strict=False):
                _type(cell, values.get(cell_key(APPEALS.rows[0], column)), column, totals)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _type(cell, value, column, totals: bool) -> None:
    if column.computed and not totals:
        value = None
    cell.value = float(value) if isinstance(value, Decimal) else value

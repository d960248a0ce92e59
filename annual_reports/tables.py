"""The three tables as printed (seed 002), from the layout: header rows and body rows with the
label cells merged like the national format. The PDF, the Excel and the entry grid all use these
(the grid puts an input where the printed table has a value); the Excel's rows are also what the
import reads back (labels in the leading cells, then the values)."""

from __future__ import annotations

from dataclasses import dataclass

from core.tabular import Cell, CellValue, TableData

from .checks import number_text
from .layout import (
    ACTIVE,
    APPEALS,
    APPLICANTS_HEADER,
    ARTICLE_20,
    CARRY_NOTE,
    CASE_GROUPS,
    CONTENT_HEADER,
    NATURAL,
    ORGANISATIONS,
    ORGANISATIONS_HEADER,
    REQUESTS,
    RESULTS,
    TOTAL,
    Row,
    Table,
    cell_key,
)

ACTIVE_WIDTH = 4
"""二 has a label column and three value columns; a single value spans the three."""


@dataclass(frozen=True)
class Slot:
    """Where a table shows the value of a cell (``colspan`` > 1: one value over several columns)."""

    key: str
    colspan: int = 1


Layout = tuple[list[list[Cell]], list[list[Cell | Slot]]]


def label_cells(rows: tuple[Row, ...], index: int, width: int) -> list[Cell]:
    """The label cells row ``index`` starts with: a label shared with the rows above is covered by
    their merged cell; the last label spans the remaining label columns."""
    row = rows[index]
    cells = []
    for depth, label in enumerate(row.labels):
        prefix = row.labels[: depth + 1]
        if index > 0 and rows[index - 1].labels[: depth + 1] == prefix:
            continue
        span = 1
        while index + span < len(rows) and rows[index + span].labels[: depth + 1] == prefix:
            span += 1
        last = depth == len(row.labels) - 1
        colspan = width - len(row.labels) + 1 if last else 1
        cells.append(Cell(label, colspan=colspan, rowspan=1 if last else span, align="left" if last else "center"))
    return cells


def active_layout() -> Layout:
    """二、主动公开政府信息情况: four blocks of 第二十条, each with its own heading rows."""
    body: list[list[Cell | Slot]] = []
    rows = {row.key: row for row in ACTIVE.rows}
    for heading, columns, members in ARTICLE_20:
        body.append([Cell(heading, colspan=ACTIVE_WIDTH)])
        if len(columns) == 1:
            body.append([Cell(CONTENT_HEADER), Cell(columns[0].label, colspan=ACTIVE_WIDTH - 1)])
        else:
            body.append([Cell(CONTENT_HEADER), *(Cell(c.label) for c in columns)])
        for key, label in members:
            row = rows[key]
            if len(columns) == 1:
                body.append([Cell(label, align="left"), Slot(cell_key(row, columns[0]), ACTIVE_WIDTH - 1)])
            else:
                body.append([Cell(label, align="left"), *(Slot(cell_key(row, c)) for c in columns)])
    return [], body


def requests_layout() -> Layout:
    """三、收到和处理政府信息公开申请情况: 26 rows × 自然人, five 法人或其他组织 columns, 总计."""
    header = [
        [Cell(CARRY_NOTE, colspan=REQUESTS.label_columns, rowspan=3, align="left"), Cell(APPLICANTS_HEADER, colspan=7)],
        [Cell(NATURAL.label, rowspan=2), Cell(ORGANISATIONS_HEADER, colspan=5), Cell(TOTAL.label, rowspan=2)],
        [Cell(c.label) for c in ORGANISATIONS],
    ]
    body = [
        [
            *label_cells(REQUESTS.rows, index, REQUESTS.label_columns),
            *(Slot(cell_key(row, c)) for c in row.columns),
        ]
        for index, row in enumerate(REQUESTS.rows)
    ]
    return header, body


def appeals_layout() -> Layout:
    """四、政府信息公开行政复议、行政诉讼情况: 行政复议 and two kinds of 行政诉讼, five columns each."""
    results = [label for _, label in RESULTS] + ["总计"]
    header = [
        [Cell(CASE_GROUPS[0][1], colspan=5), Cell("行政诉讼", colspan=10)],
        [
            *(Cell(label, rowspan=2) for label in results),
            *(Cell(short, colspan=5) for _, _, short in CASE_GROUPS[1:]),
        ],
        [Cell(label) for _ in CASE_GROUPS[1:] for label in results],
    ]
    row = APPEALS.rows[0]
    body: list[list[Cell | Slot]] = [[Slot(cell_key(row, c)) for c in row.columns]]
    return header, body


LAYOUTS = {ACTIVE.key: active_layout, REQUESTS.key: requests_layout, APPEALS.key: appeals_layout}


def table_layout(table: Table) -> Layout:
    """The header rows and body rows of ``table`` with a :class:`Slot` where each value goes."""
    return LAYOUTS[table.key]()


def _printed(slot: Slot, values: dict | None) -> CellValue:
    value = None if values is None else values.get(slot.key)
    if slot.colspan == 1:
        return value
    return Cell("" if value is None else number_text(value), colspan=slot.colspan)


def table_data(table: Table, values: dict | None) -> TableData:
    """The printed table ``table`` with ``values`` (``None``: the empty template)."""
    header, body = table_layout(table)
    rows = [[_printed(c, values) if isinstance(c, Slot) else c for c in row] for row in body]
    return TableData(header_rows=header, rows=rows)

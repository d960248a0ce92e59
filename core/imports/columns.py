"""Reading a sheet as a person sees it (merged ranges included), and the columns an import leaves
unread: none of them may hold something that is then silently dropped.

An import reads some columns by their titles. Every other column that holds something in the body
is accounted for: one with a title is listed in a notice (``未导入的列：F列“累计得分”``); one whose
header is blank, repeats a title already read, or lies under a header merged over several columns
is an error naming the column, since whatever it holds would be lost.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from typing import Any

from openpyxl.utils import get_column_letter

from .parsing import HEADER_SCAN_ROWS, cell_text, find_header_row, header_title
from .reading import MAX_CELLS, MAX_COLUMNS, Sheet
from .results import ImportRejected, RowError, file_error

ROW_NUMBER_TITLES = frozenset({"序号"})
"""Titles of a column that numbers the rows: never data, left unread without a word."""


class MergedGrid:
    """Cell values of a sheet as a person reads them, merged ranges included (looked up, never expanded)."""

    def __init__(self, sheet: Sheet) -> None:
        if len(sheet.merged) > MAX_CELLS:
            raise ImportRejected([file_error("合并单元格过多，无法读取。")], sheet=sheet.name)
        self.values = {row: values for row, values in sheet.rows}
        self._by_column: dict[int, list[tuple[int, int, int, int]]] = {}
        for merge in sorted(sheet.merged):
            r1, c1, r2, c2 = merge
            for column in range(c1, min(c2, c1 + MAX_COLUMNS) + 1):
                self._by_column.setdefault(column, []).append(merge)
        self._starts = {c: [m[0] for m in merges] for c, merges in self._by_column.items()}

    def raw(self, row: int, column: int) -> Any:
        """The value stored in a cell (1-based row and column)."""
        values = self.values.get(row, ())
        return values[column - 1] if 0 < column <= len(values) else None

    def merge_at(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        merges = self._by_column.get(column)
        if not merges:
            return None
        index = bisect.bisect_right(self._starts[column], row) - 1
        if index >= 0 and merges[index][2] >= row:
            return merges[index]
        return None

    def value(self, row: int, column: int, text_columns: tuple[int, ...] = ()) -> Any:
        """What the cell shows; a range merged across several ``text_columns`` belongs to one of them:
        the last (工作要求) if it spans it, else the first."""
        merge = self.merge_at(row, column)
        if merge is None:
            return self.raw(row, column)
        r1, c1, _, c2 = merge
        spanned = [c for c in text_columns if c1 <= c <= c2]
        if len(spanned) > 1 and column in spanned:
            owner = text_columns[-1] if text_columns[-1] in spanned else spanned[0]
            if column != owner:
                return None
        return self.raw(r1, c1)


def range_name(merge: tuple[int, int, int, int]) -> str:
    r1, c1, r2, c2 = merge
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def _title(grid: MergedGrid, header_rows: range, column: int) -> tuple[str, tuple[int, int, int, int] | None]:
    """The header text a person sees above ``column``, and the merge it lies under (started left of
    it) unless a header row below that merge gives the column a title of its own (累计得分 under
    政府网站信息公开发布情况, as in the office's statistics table: nothing ambiguous)."""
    texts, covering = [], None
    for row in header_rows:
        merge = grid.merge_at(row, column)
        value = grid.raw(merge[0], merge[1]) if merge else grid.raw(row, column)
        text = header_title(value)
        if merge is not None and merge[1] < column:
            covering = merge
        elif covering is not None and row > covering[2] and text:
            covering = None  # a title of its own below the group title
        if text and text not in texts:
            texts.append(text)
    return "/".join(texts), covering


def _filled(sheet: Sheet, grid: MergedGrid, after: int, used: Collection[int]) -> dict[int, int]:
    """Unread column → the first body row where it shows something of its own (not a range
    merged from a column to its left)."""
    first: dict[int, int] = {}
    for excel_row, values in sheet.rows:
        if excel_row <= after:
            continue
        for index, value in enumerate(values, start=1):
            if index in used or index in first or cell_text(value) == "":
                continue
            merge = grid.merge_at(excel_row, index)
            if merge is None or merge[1] == index:
                first[index] = excel_row
    return first


def unread_columns(
    sheet: Sheet, *, header_rows: range, used: Collection[int], titles: Collection[str] = ()
) -> tuple[list[RowError], list[str]]:
    """Errors for unread columns whose content would be lost, and the notice naming the others.

    ``header_rows`` are the Excel rows of the header, ``used`` the 1-based columns the import reads
    and ``titles`` the titles it reads them by (a second column with one of them is an error).
    """
    grid = MergedGrid(sheet)
    errors, named = [], []
    for column, row in sorted(_filled(sheet, grid, header_rows[-1], used).items()):
        letter = f"{get_column_letter(column)}列"
        title, covering = _title(grid, header_rows, column)
        if covering is not None and covering[1] in used:
            where = f"{range_name(covering)}"
            errors.append(
                RowError(
                    row,
                    letter,
                    f"表头“{title}”是合并单元格（{where}），跨了几列，这一列的内容无法确定属于哪一项；"
                    "请取消表头的合并，每项一列，再导入",
                )
            )
        elif not title:
            errors.append(RowError(row, letter, "有内容但没有表头，无法确定是哪一项；请填写表头，或删除这一列的内容"))
        elif title in titles:
            errors.append(RowError(row, letter, f"表头“{title}”与前面的列重复，无法确定以哪一列为准；请删除重复的列"))
        elif title not in ROW_NUMBER_TITLES:
            named.append(f"{letter}“{title[:30]}”")
    notices = [f"未导入的列：{'、'.join(named)}（不是本类数据的列，其中的内容不会导入）"] if named else []
    return errors, notices


class Columns:
    """The columns of a sheet found by their titles in the header row. ``unread`` are the errors
    of the other columns (:func:`unread_columns`); its notice goes to ``sheet.notices``."""

    def __init__(self, sheet: Sheet, *, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        found = find_header_row(sheet, required[0])
        if found is None:
            raise ImportRejected([RowError(1, "表头", f"前{HEADER_SCAN_ROWS}行中找不到“{required[0]}”列")])
        self.header_index = found[0]
        self.header_row, values = sheet.rows[self.header_index]
        wanted = set(required) | set(optional)
        self.index: dict[str, int] = {}
        for column, value in enumerate(values):
            title = header_title(value)
            if title in wanted and title not in self.index:
                self.index[title] = column
        missing = [name for name in required if name not in self.index]
        if missing:
            raise ImportRejected([RowError(self.header_row, "表头", f"缺少“{name}”列") for name in missing])
        self.body = sheet.rows[self.header_index + 1 :]
        self._grid = MergedGrid(sheet) if sheet.merged else None
        self.unread, notices = unread_columns(
            sheet,
            header_rows=range(self.header_row, self.header_row + 1),
            used={column + 1 for column in self.index.values()},
            titles=wanted,
        )
        sheet.notices += notices

    def cell(self, values: tuple[Any, ...], name: str) -> Any:
        column = self.index.get(name)
        return values[column] if column is not None and column < len(values) else None

    def seen(self, excel_row: int, values: tuple[Any, ...], name: str) -> Any:
        """The cell of ``name`` as a person sees it: inside a range merged down that column only
        (a unit over its items, a month over its units) the range's value; read only for columns
        that name what a row is about, never for figures (one figure merged over two rows is not two)."""
        column = self.index.get(name)
        if column is not None and self._grid is not None:
            merge = self._grid.merge_at(excel_row, column + 1)
            if merge is not None and merge[1] == merge[3] == column + 1:
                return self._grid.raw(merge[0], merge[1])
        return self.cell(values, name)

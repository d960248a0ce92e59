"""Where each cell of a ruled table sits: a cell merged over rows above covers its columns in the
rows below, so the next cell of such a row starts further right. The HTML builder uses it for the
width of each cell, and :mod:`core.pdf.continued` to cut a table at a page break."""

from __future__ import annotations

from .document import Cell, CellValue


def span(value: CellValue) -> tuple[int, int]:
    """``(colspan, rowspan)`` of a cell or a plain value."""
    return (value.colspan, value.rowspan) if isinstance(value, Cell) else (1, 1)


def positions(rows: list[list[CellValue]]) -> list[list[tuple[int, CellValue]]]:
    """Each row's cells with the column each one starts in."""
    placed = []
    covered: dict[int, int] = {}  # column -> rows it stays covered by a cell from above
    for row in rows:
        cells = []
        column = 0
        for value in row:
            while covered.get(column, 0) > 0:
                column += 1
            cells.append((column, value))
            colspan, rowspan = span(value)
            if rowspan > 1:
                covered.update(dict.fromkeys(range(column, column + colspan), rowspan))
            column += colspan
        covered = {c: left - 1 for c, left in covered.items() if left > 1}
        placed.append(cells)
    return placed

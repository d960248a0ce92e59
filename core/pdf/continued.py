"""Tables that run on to another page keep their group labels.

WeasyPrint does not repeat a cell merged over rows (``三、本年度办理结果``, ``（五）不予处理``) on the
page where its rows continue: the rows there would stand without their label, and the rules of the
label column would stop. So a table with ``label_columns`` is laid out, the page of each of its
rows read back from the anchors of the rows (``Page.anchors``, WeasyPrint's public API), and the
table cut into one table per page: the header rows again at the top of each (as the repeated header
would be), each continued label printed again over the rows it still covers there, each piece after
the first starting a new page. Cutting may make a piece a little taller (a label needs its lines), so
the layout is checked again, at most a few times, until every piece stays on its page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from itertools import pairwise

from .document import Block, Cell, CellValue, Landscape, OfficialDocument, Table
from .grid import positions, span

MAX_PASSES = 4

Origin = dict[int, tuple[Table, int]]
"""A piece of a cut table (by ``id``; the pieces live in the document being laid out) → the table it
was cut from and the index of its first row."""
Layout = Callable[[OfficialDocument], tuple[object, dict[str, Table]]]
"""Lays a document out: ``(WeasyPrint document, {row-id prefix: table with label columns})``."""


def continue_tables(doc: OfficialDocument, lay_out: Layout):
    """The WeasyPrint document of ``doc``, its labelled tables cut where the pages break."""
    document, tables = lay_out(doc)
    cuts: dict[int, tuple[int, ...]] = {}
    origin: Origin = {}
    for _ in range(MAX_PASSES):
        found = _cuts(document, tables, origin)
        if not any(found.values()) or found == cuts:
            return document
        cuts, origin = found, {}
        document, tables = lay_out(_cut(doc, cuts, origin))
    return document


def _row_pages(document) -> dict[str, int]:
    return {name: number for number, page in enumerate(document.pages) for name in page.anchors}


def _cuts(document, tables: dict[str, Table], origin: Origin) -> dict[int, tuple[int, ...]]:
    """For each original table (by ``id``): the rows that start a new page."""
    pages = _row_pages(document)
    rows_on: dict[int, dict[int, int]] = {}
    for prefix, table in tables.items():
        source, offset = origin.get(id(table), (table, 0))
        found = rows_on.setdefault(id(source), {})
        for index in range(len(table.rows)):
            if f"{prefix}-{index}" in pages:
                found[offset + index] = pages[f"{prefix}-{index}"]
    cuts = {}
    for key, found in rows_on.items():
        ordered = sorted(found.items())
        cuts[key] = tuple(row for (row, page), (_, before) in zip(ordered[1:], ordered, strict=False) if page != before)
    return cuts


def _cut(doc: OfficialDocument, cuts: dict[int, tuple[int, ...]], origin: Origin) -> OfficialDocument:
    def blocks(items: list[Block]) -> list[Block]:
        out: list[Block] = []
        for block in items:
            if isinstance(block, Landscape):
                out.append(Landscape(blocks(block.blocks)))
            elif isinstance(block, Table) and cuts.get(id(block)):
                for piece, start in pieces(block, cuts[id(block)]):
                    origin[id(piece)] = (block, start)
                    out.append(piece)
            else:
                out.append(block)
        return out

    attachments = [dataclasses.replace(a, blocks=blocks(a.blocks)) for a in doc.attachments]
    return dataclasses.replace(doc, body=blocks(doc.body), attachments=attachments)


def pieces(table: Table, cuts: tuple[int, ...]) -> list[tuple[Table, int]]:
    """``table`` cut before each row of ``cuts``: one table per page, each with the header rows and
    the labels merged over its rows (and the index of its first row)."""
    placed = positions(table.rows)
    bounds = [0, *cuts, len(table.rows)]
    out = []
    for start, end in pairwise(bounds):
        rows = [_piece_row(table, placed, index, start, end) for index in range(start, end)]
        piece = dataclasses.replace(
            table, rows=rows, continued=start > 0, note=table.note if end == len(table.rows) else ""
        )
        out.append((piece, start))
    return out


def _clip(value: CellValue, rows_left: int) -> CellValue:
    if isinstance(value, Cell) and value.rowspan > rows_left:
        return dataclasses.replace(value, rowspan=rows_left)
    return value


def _piece_row(table: Table, placed, index: int, start: int, end: int) -> list[CellValue]:
    cells = [(column, _clip(value, end - index)) for column, value in placed[index]]
    if index == start:  # cells merged from rows on the page before: printed again here
        for above in range(start):
            for column, value in placed[above]:
                if isinstance(value, Cell) and above + span(value)[1] > start:
                    text = value.text if column < table.label_columns else ""
                    rows = min(above + value.rowspan, end) - start
                    cells.append((column, dataclasses.replace(value, text=text, rowspan=rows)))
    return [value for _, value in sorted(cells, key=lambda item: item[0])]

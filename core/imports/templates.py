"""Blank import templates: the sheet a kind of import reads, with its header and (where rows are
units) the assessed units already listed in the official order, so a clerk fills in figures only.

Each app builds its own with :func:`template_workbook` and registers it as ``ImportKind.template``;
the upload page offers them for download.
"""

from __future__ import annotations

from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook


def template_workbook(
    *, sheet: str, title: str, columns: list[str], rows: list[list], widths: list[float], text_columns: set[int]
) -> bytes:
    """One sheet: a title line, the header row the import looks for, then ``rows`` (mostly blank)."""
    spec = SheetSpec(
        sheet, title, [[Cell(c) for c in columns]], rows or [[None] * len(columns)], widths, text_columns=text_columns
    )
    return build_workbook([spec])

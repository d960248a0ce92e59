"""The import framework every Excel import uses: read the visible sheet within limits, find the
columns, parse cells into typed rows with ``第N行 列: 原因`` errors, plan the changes for a preview,
and write them in one short transaction. See ``submissions.importers`` for an example."""

from .columns import Columns, MergedGrid, unread_columns
from .parsing import RowParser, cell_text, find_header_row, header_title, is_blank, parse_month_title
from .reading import MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, Sheet, read_sheet, read_sheets
from .results import MAX_LISTED_ERRORS, Change, ImportRejected, ImportResult, RowError, file_error, parse_or_plan

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_LISTED_ERRORS",
    "MAX_ROWS",
    "Change",
    "Columns",
    "ImportRejected",
    "ImportResult",
    "MergedGrid",
    "RowError",
    "RowParser",
    "Sheet",
    "cell_text",
    "file_error",
    "find_header_row",
    "header_title",
    "is_blank",
    "parse_month_title",
    "parse_or_plan",
    "read_sheet",
    "read_sheets",
    "unread_columns",
]

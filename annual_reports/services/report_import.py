"""Importing a unit's report from a file, known by its content whatever its name: an Excel workbook
in the national layout (the tables, :mod:`.imports`) or the unit's Word document (the whole report,
:mod:`.word_import`). An old ``.doc``, a PDF or anything else is refused with a sentence saying what
to do (请另存为 .docx). All or nothing, with the same checks as the page; a dry run writes nothing."""

from __future__ import annotations

from typing import IO

from core.imports.sniffing import file_kind
from core.imports.word import MAX_DOCUMENT_BYTES, read_limited
from units.models import Unit, User

from .imports import ReportImportResult, workbook_import
from .word_import import word_report_import


def annual_report_import(
    *,
    source: str | IO[bytes],
    year: int,
    unit: Unit,
    dry_run: bool = False,
    acting_user: User | None = None,
    filename: str = "",
) -> ReportImportResult:
    """Import ``unit``'s report for ``year`` from ``source`` (a path or an open binary file)."""
    data = read_limited(source, MAX_DOCUMENT_BYTES)
    options = {"year": year, "unit": unit, "dry_run": dry_run, "acting_user": acting_user, "filename": filename}
    if file_kind(data) == "docx":
        return word_report_import(data, **options)
    return workbook_import(data, **options)

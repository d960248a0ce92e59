"""Writes of annual reports (``reports``) and their import (``imports``)."""

from .register import report_requests_source
from .report_import import annual_report_import
from .reports import (
    EDITABLE,
    TRANSITIONS,
    ReportChanged,
    ReportRefused,
    SaveOutcome,
    report_correct,
    report_finalise,
    report_problems,
    report_return,
    report_save,
    report_save_check,
    report_year_open,
    report_year_set_deadlines,
)

__all__ = [
    "EDITABLE",
    "TRANSITIONS",
    "ReportChanged",
    "ReportRefused",
    "SaveOutcome",
    "annual_report_import",
    "report_correct",
    "report_finalise",
    "report_problems",
    "report_requests_source",
    "report_return",
    "report_save",
    "report_save_check",
    "report_year_open",
    "report_year_set_deadlines",
]

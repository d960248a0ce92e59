"""Writes of inspections: rounds, findings with their deductions, the rectification workflow and
the quarter's deduction sheet."""

from .deductions import deduction_create, deductions_import
from .findings import deadline_resolve, finding_record, finding_update
from .workflow import (
    check_transition,
    finding_accept,
    finding_return,
    findings_carry_over,
    inspection_round_create,
    rectification_submit,
)

__all__ = [
    "check_transition",
    "deadline_resolve",
    "deduction_create",
    "deductions_import",
    "finding_accept",
    "finding_record",
    "finding_return",
    "finding_update",
    "findings_carry_over",
    "inspection_round_create",
    "rectification_submit",
]

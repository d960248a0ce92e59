"""Writes of work plans: the import, ledgers (台账), progress reports, assignments of described
parties and the 回头看 carry-over."""

from .assignments import party_units_set
from .imports import work_plan_import
from .ledgers import (
    ledger_return,
    ledger_row_add,
    ledger_row_delete,
    ledger_row_update,
    ledger_submit,
    plan_ledger_deadline_set,
)
from .progress import progress_report
from .review import tasks_carry_over

__all__ = [
    "ledger_return",
    "ledger_row_add",
    "ledger_row_delete",
    "ledger_row_update",
    "ledger_submit",
    "party_units_set",
    "plan_ledger_deadline_set",
    "progress_report",
    "tasks_carry_over",
    "work_plan_import",
]

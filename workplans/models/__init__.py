"""The annual work plan (工作方案), its tasks and who is responsible for them, the units' ledgers
(台账) and their progress reports."""

from .ledgers import LEDGER_TRANSITIONS, Ledger, LedgerRow, LedgerTransition
from .plans import Role, Task, TaskParty, TaskUnit, WorkPlan, task_label
from .progress import ProgressReport, ProgressStatus

__all__ = [
    "LEDGER_TRANSITIONS",
    "Ledger",
    "LedgerRow",
    "LedgerTransition",
    "ProgressReport",
    "ProgressStatus",
    "Role",
    "Task",
    "TaskParty",
    "TaskUnit",
    "WorkPlan",
    "task_label",
]

"""What a unit typed on its ledger page and has not added yet, kept across the page's buttons.

The ledger page is one form: every task's 工作举措, 时限要求, 单位分管领导 and 责任科室 are posted with
whichever button is clicked (添加 on any task, 删除, 修改, 报送台账). The view does what the button asks
and keeps what was typed in the other tasks (and, when refused, in the clicked one) in the session
for the page it redirects to; nothing typed vanishes. 分管领导 and 责任科室 start as in the unit's
previous entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from units.models import Unit

from .models import LedgerRow, WorkPlan

FIELDS = ("measure", "time_limit", "leader", "office")
_NAME = re.compile(r"^t(\d+)-(measure|time_limit|leader|office)$")
RECENT_ROWS = 20


@dataclass(frozen=True)
class Defaults:
    """What a new measure's 单位分管领导 and 责任科室 start with: the unit's previous entry."""

    leader: str = ""
    office: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"measure": "", "time_limit": "", "leader": self.leader, "office": self.office}


def ledger_defaults(unit: Unit) -> Defaults:
    """The leader and office of the unit's most recent measures, of any year (one query); each the
    latest one that is not empty."""
    recent = (
        LedgerRow.objects.filter(ledger__unit=unit)
        .order_by("-updated_at", "-pk")
        .values_list("leader", "office")[:RECENT_ROWS]
    )
    leader = next((lead for lead, _ in recent if lead.strip()), "")
    office = next((off for _, off in recent if off.strip()), "")
    return Defaults(leader, office)


def typed_drafts(data, defaults: Defaults) -> dict[int, dict[str, str]]:
    """Per task id, the fields posted for it, when anything differs from an untouched block."""
    posted: dict[int, dict[str, str]] = {}
    for key in data:
        if match := _NAME.match(key):
            posted.setdefault(int(match.group(1)), {})[match.group(2)] = data.get(key, "")
    untouched = defaults.as_dict()
    return {
        task_id: values
        for task_id, values in posted.items()
        if any(values.get(name, "").strip() != untouched[name].strip() for name in FIELDS)
    }


def unadded(drafts: dict[int, dict[str, str]]) -> list[int]:
    """Tasks with a 工作举措 typed but not added."""
    return [task_id for task_id, values in drafts.items() if values.get("measure", "").strip()]


def _key(plan: WorkPlan, unit: Unit) -> str:
    return f"ledger-drafts:{plan.pk}:{unit.pk}"


def keep(request, plan: WorkPlan, unit: Unit, drafts: dict[int, dict[str, str]], errors=None) -> None:
    """Keep ``drafts`` (and per task the reasons a block was refused) for the next page."""
    request.session[_key(plan, unit)] = {
        "drafts": {str(k): v for k, v in drafts.items()},
        "errors": {str(k): v for k, v in (errors or {}).items()},
    }


def take(request, plan: WorkPlan, unit: Unit) -> tuple[dict[int, dict[str, str]], dict[int, list[str]]]:
    """What :func:`keep` kept, once."""
    kept = request.session.pop(_key(plan, unit), None) or {}
    drafts = {int(k): v for k, v in kept.get("drafts", {}).items()}
    errors = {int(k): v for k, v in kept.get("errors", {}).items()}
    return drafts, errors


def blocks(tasks, drafts, errors, defaults: Defaults) -> list[tuple]:
    """Per task of the sheet: ``(task, rows, values of the add block, errors of the block)``."""
    return [
        (task, rows, {**defaults.as_dict(), **drafts.get(task.pk, {})}, errors.get(task.pk, [])) for task, rows in tasks
    ]

"""Assigning units to a described party of 责任单位 (有关职能部门 …), which the import cannot resolve."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..models import LedgerRow, ProgressReport, TaskParty, TaskUnit


@transaction.atomic
def party_units_set(*, party: TaskParty, units: list[Unit], acting_user: User) -> list[TaskUnit]:
    """Make ``units`` exactly the units assigned through ``party`` (role as the party's).

    Units already responsible for the task in their own right are left as they are; a unit that
    has ledger measures or progress on the task cannot be taken off it.
    """
    require_office(acting_user, "指定责任单位")
    data_changed(Kind.WORKPLANS)
    task = party.task
    wanted = {unit.pk: unit for unit in units}
    current = {a.unit_id: a for a in party.assigned.select_related("unit")}
    other = set(TaskUnit.objects.filter(task=task).exclude(party=party).values_list("unit_id", flat=True))
    removed = [unit_id for unit_id in current if unit_id not in wanted]
    used = set(
        LedgerRow.objects.filter(task=task, ledger__unit__in=removed).values_list("ledger__unit__name", flat=True)
    ) | set(ProgressReport.objects.filter(task=task, unit__in=removed).values_list("unit__name", flat=True))
    if used:
        raise ValidationError(f"{'、'.join(sorted(used))}已填报该任务的台账或进度，不能取消指定。")
    removed_names = [current[unit_id].unit.name for unit_id in removed]
    TaskUnit.objects.filter(party=party, unit__in=removed).delete()
    now = timezone.now()
    added = TaskUnit.objects.bulk_create(
        TaskUnit(
            task=task, unit=unit, role=party.role, via=party.name, party=party, assigned_by=acting_user, assigned_at=now
        )
        for unit_id, unit in wanted.items()
        if unit_id not in current and unit_id not in other
    )
    if added or removed_names:  # the task's history says who assigned or took off which units
        task.stamp(acting_user=acting_user, reason=_assignment_note(party, [a.unit.name for a in added], removed_names))
        task.full_clean()
        task.save()
    return added


def _assignment_note(party: TaskParty, added: list[str], removed: list[str]) -> str:
    """``指定责任单位（有关职能部门）：新增区财政局、区教育局；取消区司法局``."""
    parts = []
    if added:
        parts.append(f"新增{'、'.join(added)}")
    if removed:
        parts.append(f"取消{'、'.join(removed)}")
    return f"指定责任单位（{party.name}）：{'；'.join(parts)}"

"""The ledger (台账): a unit writes its measures per task and submits it; the office may return it.

Every status change goes through :func:`_transition`, which checks the move against
``LEDGER_TRANSITIONS`` and writes a :class:`~workplans.models.LedgerTransition` audit row.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from core.formatting import format_cn_date
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from .. import notifying
from ..models import LEDGER_TRANSITIONS, Ledger, LedgerRow, LedgerTransition, Task, TaskUnit, WorkPlan

ROW_FIELDS = ("measure", "time_limit", "leader", "office")


def _require_unit(user: User, unit: Unit) -> None:
    if user.is_office or user.unit_id != unit.pk:
        raise PermissionDenied("台账由承担任务的单位账号填写和报送。")


def _open_ledger(plan: WorkPlan, unit: Unit, user: User) -> Ledger:
    """The unit's ledger, created on first use, locked for this transaction; refused once submitted."""
    if not Ledger.objects.filter(plan=plan, unit=unit).exists():
        ledger = Ledger(plan=plan, unit=unit)
        ledger.stamp(acting_user=user, reason="开始填写台账")
        ledger.full_clean()
        try:
            with transaction.atomic():
                ledger.save()
        except IntegrityError:  # created meanwhile by another request of the unit: use that one
            pass
    ledger = Ledger.objects.select_for_update().get(plan=plan, unit=unit)
    if ledger.status != Ledger.Status.DRAFT:
        raise ValidationError("台账已报送，不能再修改；如需修改，请联系区政府办公室退回。")
    return ledger


def _clean_values(values: dict[str, str]) -> dict[str, str]:
    cleaned = {name: (values.get(name) or "").strip() for name in ROW_FIELDS}
    if not cleaned["measure"]:
        raise ValidationError({"measure": "请填写工作举措。"})
    if not cleaned["time_limit"]:
        raise ValidationError({"time_limit": "请填写时限要求。"})
    return cleaned


@transaction.atomic
def ledger_row_add(*, task: Task, unit: Unit, acting_user: User, **values: str) -> LedgerRow:
    """Add a measure (工作举措) of ``task`` to ``unit``'s ledger; a task may have several."""
    data_changed(Kind.WORKPLANS)
    _require_unit(acting_user, unit)
    if not TaskUnit.objects.filter(task=task, unit=unit).exists():
        raise ValidationError({"task": f"{unit.name}不承担第{task.label}项任务。"})
    ledger = _open_ledger(task.plan, unit, acting_user)
    cleaned = _clean_values(values)
    position = (ledger.rows.filter(task=task).aggregate(n=Max("position"))["n"] or 0) + 1
    row = LedgerRow(ledger=ledger, task=task, position=position, **cleaned)
    row.stamp(acting_user=acting_user)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def ledger_row_update(*, row: LedgerRow, acting_user: User, **values: str) -> LedgerRow:
    data_changed(Kind.WORKPLANS)
    _require_unit(acting_user, row.ledger.unit)
    _open_ledger(row.ledger.plan, row.ledger.unit, acting_user)
    for name, value in _clean_values(values).items():
        setattr(row, name, value)
    row.stamp(acting_user=acting_user)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def ledger_row_delete(*, row: LedgerRow, acting_user: User) -> None:
    data_changed(Kind.WORKPLANS)
    _require_unit(acting_user, row.ledger.unit)
    _open_ledger(row.ledger.plan, row.ledger.unit, acting_user)
    row.stamp(acting_user=acting_user, reason="删除台账举措")
    row.delete()


def _transition(ledger: Ledger, *, to: str, user: User, note: str = "") -> LedgerTransition:
    old, new = Ledger.Status(ledger.status), Ledger.Status(to)
    if new not in LEDGER_TRANSITIONS[old]:
        raise ValidationError(f"台账当前状态为“{old.label}”，不能改为“{new.label}”。")
    transition = LedgerTransition.objects.create(ledger=ledger, from_status=old, to_status=new, by=user, note=note)
    ledger.status = new
    return transition


@transaction.atomic
def ledger_submit(*, plan: WorkPlan, unit: Unit, acting_user: User) -> Ledger:
    """报送: every task of the unit needs at least one measure (填写中 → 已报送)."""
    data_changed(Kind.WORKPLANS)
    _require_unit(acting_user, unit)
    ledger = _open_ledger(plan, unit, acting_user)
    covered = set(ledger.rows.values_list("task_id", flat=True))
    missing = [
        task.label
        for task in Task.objects.filter(plan=plan, assignments__unit=unit).order_by("source", "number")
        if task.pk not in covered
    ]
    if missing:
        shown = "、".join(missing[:20]) + ("等" if len(missing) > 20 else "")
        raise ValidationError(f"第{shown}项任务还没有填写工作举措（共{len(missing)}项），不能报送。")
    transition = _transition(ledger, to=Ledger.Status.SUBMITTED, user=acting_user)
    ledger.submitted_at, ledger.submitted_by = timezone.now(), acting_user
    ledger.stamp(acting_user=acting_user, reason="报送台账")
    ledger.full_clean()
    ledger.save()
    notifying.ledger_submitted(ledger, transition)
    return ledger


@transaction.atomic
def ledger_return(*, ledger: Ledger, acting_user: User, reason: str) -> Ledger:
    """The office sends a submitted ledger back for changes (已报送 → 填写中), saying why."""
    require_office(acting_user, "退回台账")
    data_changed(Kind.WORKPLANS)
    if not reason.strip():
        raise ValidationError({"reason": "退回时必须填写退回原因。"})
    ledger = Ledger.objects.select_for_update().get(pk=ledger.pk)
    transition = _transition(ledger, to=Ledger.Status.DRAFT, user=acting_user, note=reason.strip())
    ledger.stamp(acting_user=acting_user, reason=f"退回修改：{reason.strip()}")
    ledger.full_clean()
    ledger.save()
    notifying.ledger_returned(ledger, transition)
    return ledger


@transaction.atomic
def plan_ledger_deadline_set(*, plan: WorkPlan, deadline: datetime.date, acting_user: User) -> WorkPlan:
    """The day by which units hand in their ledgers (default 30 June of the plan's year)."""
    require_office(acting_user, "设置台账报送期限")
    data_changed(Kind.WORKPLANS)
    first, last = datetime.date(plan.year, 1, 1), datetime.date(plan.year + 1, 12, 31)
    if not first <= deadline <= last:
        raise ValidationError(
            {"deadline": f"台账报送截止日期应在{format_cn_date(first)}至{format_cn_date(last)}之间，请核对年份。"}
        )
    plan.ledger_deadline = deadline
    plan.stamp(acting_user=acting_user, reason="设置台账报送截止日期")
    plan.full_clean()
    plan.save()
    return plan

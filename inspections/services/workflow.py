"""The rectification workflow (整改) of a finding.

Every status change goes through :func:`_transition`, which checks the move against
``FINDING_TRANSITIONS`` and writes a :class:`FindingTransition` audit row (as Zulip's ``do_*``
actions do): the unit answers (待整改 → 已提交整改), the office accepts (→ 已验收) or returns it
(→ 待整改, with a reason), and an open finding is carried over into the next round.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.downloads import safe_filename
from core.models import stamp_history
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import User

from .. import notifying
from ..models import (
    FINDING_TRANSITIONS,
    OPEN_STATUSES,
    Finding,
    FindingTransition,
    InspectionRound,
    RectificationResponse,
)
from ..selectors import previous_round
from .findings import finding_record


def check_transition(old: str, new: str) -> None:
    """Raise a ValidationError unless ``FINDING_TRANSITIONS`` allows the move ``old`` → ``new``."""
    old, new = Finding.Status(old), Finding.Status(new)
    if new not in FINDING_TRANSITIONS[old]:
        raise ValidationError(f"当前状态为“{old.label}”，不能改为“{new.label}”。")


def _transition(
    *,
    finding: Finding,
    to: str,
    user: User | None,
    note: str = "",
    response: RectificationResponse | None = None,
) -> Finding:
    """Move ``finding`` to status ``to`` if ``FINDING_TRANSITIONS`` allows it, and write the audit row."""
    locked = Finding.objects.select_for_update().get(pk=finding.pk)
    old = Finding.Status(locked.status)
    new = Finding.Status(to)
    check_transition(old, new)
    now = timezone.now()
    transition = FindingTransition(
        finding=locked, from_status=old, to_status=new, by=user, at=now, note=note, response=response
    )
    transition.full_clean()
    transition.save()
    locked.status = new
    stamp_history(locked, acting_user=user, reason=transition.action)
    locked.save(update_fields=["status"])
    finding.status = new
    return locked


def rectification_submit(
    *,
    finding: Finding,
    acting_user: User,
    text: str,
    link: str = "",
    file: UploadedFile | None = None,
) -> RectificationResponse:
    """The unit answers a finding (待整改 → 已提交整改); every answer is kept.

    The evidence file is written with the answer, in its transaction; if that transaction fails
    (e.g. somebody answered the same finding a moment earlier), the file is removed again.
    """
    if acting_user.is_office or acting_user.unit_id != finding.unit_id:
        raise PermissionDenied("只能由本单位账号答复本单位的整改事项。")
    if not text.strip():
        raise ValidationError({"text": "请填写整改情况。"})
    # Checked again under lock by _transition; checked here so that no file is stored in vain.
    check_transition(Finding.objects.values_list("status", flat=True).get(pk=finding.pk), Finding.Status.SUBMITTED)
    response = RectificationResponse(
        finding=finding,
        text=text.strip(),
        link=link.strip(),
        submitted_by=acting_user,
        submitted_at=timezone.now(),
        original_filename=(safe_filename(file.name) if file else ""),
    )
    if file:
        response.file = file
    response.full_clean()
    try:
        with transaction.atomic():
            data_changed(Kind.FINDINGS, units=[finding.unit_id])
            response.save()
            _transition(finding=finding, to=Finding.Status.SUBMITTED, user=acting_user, response=response)
            notifying.rectification_answered(finding, response)
    except BaseException:
        if file and response.file.name:
            response.file.storage.delete(response.file.name)
        raise
    return response


@transaction.atomic
def finding_accept(*, finding: Finding, acting_user: User, note: str = "") -> Finding:
    """The office accepts the unit's answer (已提交整改 → 已验收)."""
    require_office(acting_user, "验收或退回整改")
    data_changed(Kind.FINDINGS, units=[finding.unit_id])
    latest = finding.responses.order_by("-submitted_at", "-pk").first()
    return _transition(
        finding=finding, to=Finding.Status.ACCEPTED, user=acting_user, note=note.strip(), response=latest
    )


@transaction.atomic
def finding_return(*, finding: Finding, acting_user: User, reason: str) -> Finding:
    """The office sends the answer back (已提交整改 → 待整改); the reason is required and shown to the unit."""
    require_office(acting_user, "验收或退回整改")
    data_changed(Kind.FINDINGS, units=[finding.unit_id])
    if not reason.strip():
        raise ValidationError({"reason": "退回时必须填写退回原因。"})
    latest = finding.responses.order_by("-submitted_at", "-pk").first()
    returned = _transition(
        finding=finding, to=Finding.Status.PENDING, user=acting_user, note=reason.strip(), response=latest
    )
    notifying.rectification_returned(returned, latest, reason.strip())
    return returned


@transaction.atomic
def findings_carry_over(
    *,
    previous: InspectionRound,
    current: InspectionRound,
    deadline: datetime.date | None = None,
    acting_user: User | None = None,
) -> list[Finding]:
    """Copy every open finding of ``previous`` into ``current``, linked to its origin.

    The copy takes ``deadline`` (the round's), else keeps its own if that is not before the new
    inspection; without either it is refused, so no open finding ever drops out of the follow-up
    for want of a deadline. The copy
    has ``carried_over_from`` set; the origin moves to 已延续至下一批次 (with an audit row
    naming ``current``), so it is answered once, in its new round.
    """
    require_office(acting_user, "转入未整改的问题")
    data_changed(Kind.FINDINGS)
    if previous.pk == current.pk:
        raise ValidationError("不能把检查批次的问题延续到它自身。")
    open_findings = (
        previous.findings.filter(status__in=OPEN_STATUSES)
        .exclude(carried_over_to__inspection=current)
        .select_related("unit")
        .order_by("unit__sort_order", "pk")
    )
    open_findings = list(open_findings)
    undated = [f for f in open_findings if f.deadline is None or f.deadline < current.inspected_on]
    if deadline is None and undated:
        raise ValidationError(
            {
                "carry_over_deadline": f"上一批次有{len(undated)}个未整改的问题没有检查日期之后的整改期限"
                f"（{'、'.join(sorted({f.unit.name for f in undated}))}），延续时须填写整改期限。"
            }
        )
    carried = []
    for origin in open_findings:
        carried.append(
            finding_record(
                inspection=current,
                unit=origin.unit,
                category=origin.category,
                column=origin.column,
                description=origin.description,
                deadline=deadline or origin.deadline,
                acting_user=acting_user,
                carried_over_from=origin,
            )
        )
        _transition(
            finding=origin, to=Finding.Status.CARRIED_OVER, user=acting_user, note=f"未整改，延续至{current.name}"
        )
    return carried


@transaction.atomic
def inspection_round_create(
    *,
    name: str,
    year: int,
    quarter: int,
    inspected_on: datetime.date,
    carry_over: bool = False,
    carry_over_deadline: datetime.date | None = None,
    acting_user: User | None = None,
) -> InspectionRound:
    """Create a round; with ``carry_over`` the open findings of the round before it are carried into it."""
    require_office(acting_user, "登记检查")
    data_changed(Kind.FINDINGS)
    inspection = InspectionRound(name=name.strip(), year=year, quarter=quarter, inspected_on=inspected_on)
    stamp_history(inspection, acting_user=acting_user)
    inspection.full_clean()
    inspection.save()
    if carry_over:
        previous = previous_round(inspection)
        if previous is None:
            raise ValidationError({"carry_over": "没有更早的检查批次，无法延续未整改的问题。"})
        findings_carry_over(
            previous=previous, current=inspection, deadline=carry_over_deadline, acting_user=acting_user
        )
    return inspection

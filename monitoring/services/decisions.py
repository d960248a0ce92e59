"""Staff decide the proposals: a stale column confirmed becomes a finding (through the inspections
services, with the usual rectification workflow) or is dismissed with a reason; a proposed count
taken over is stored through the submissions service, with its history."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from core.calendar import Month
from core.formatting import format_cn_date
from core.versioning import Kind, data_changed
from inspections.models import Finding, InspectionRound
from inspections.services import finding_record
from submissions.models import MonthlyPublication
from submissions.services import publication_count_set
from units.models import User

from ..models import CountProposal, FindingProposal, ProposalStatus
from .transitions import check_transition, proposal_move


def _evidence_text(proposal: FindingProposal) -> str:
    read = f"，{format_cn_date(proposal.reading.read_at.date())}读取" if proposal.reading_id else ""
    return f"（栏目页面：{proposal.evidence_url}{read}）"


@transaction.atomic
def finding_proposal_confirm(
    *,
    proposal: FindingProposal,
    inspection: InspectionRound,
    description: str,
    acting_user: User,
    deadline: datetime.date | None = None,
    working_days: int | None = None,
    deduction_points: Decimal | None = None,
) -> Finding:
    """Record the proposal as a finding of ``inspection`` (category 栏目未及时更新), the page as evidence."""
    data_changed(Kind.MONITORING)
    proposal = (
        FindingProposal.objects.select_for_update(of=("self",)).select_related("reading", "unit").get(pk=proposal.pk)
    )
    check_transition(proposal, ProposalStatus.ACCEPTED)
    if not description.strip():
        raise ValidationError({"description": "请填写问题描述。"})
    finding = finding_record(
        inspection=inspection,
        unit=proposal.unit,
        category=Finding.Category.COLUMN_NOT_UPDATED,
        column=proposal.column_name,
        description=description.strip() + _evidence_text(proposal),
        deadline=deadline,
        working_days=working_days,
        deduction_points=deduction_points,
        acting_user=acting_user,
    )
    proposal.finding = finding
    proposal_move(proposal, ProposalStatus.ACCEPTED, by=acting_user, note=f"已记为{inspection.name}的检查问题")
    return finding


@transaction.atomic
def finding_proposal_dismiss(*, proposal: FindingProposal, reason: str, acting_user: User) -> FindingProposal:
    """Dismiss the proposal (e.g. the column is updated elsewhere); the reason is kept."""
    data_changed(Kind.MONITORING)
    proposal = FindingProposal.objects.select_for_update().get(pk=proposal.pk)
    check_transition(proposal, ProposalStatus.DISMISSED)
    if not reason.strip():
        raise ValidationError({"reason": "请填写忽略的理由。"})
    proposal_move(proposal, ProposalStatus.DISMISSED, by=acting_user, note=reason.strip())
    return proposal


def _accept(proposal: CountProposal, acting_user: User) -> bool:
    """Store the proposed count as the month's figure; ``True`` if the figure changed."""
    month = Month(proposal.year, proposal.month)
    if not proposal.unit.is_assessed_in(month.start):
        raise ValidationError(f"{proposal.unit.name}在{month.label}不在考核范围内，不能采用。")
    stored = MonthlyPublication.objects.filter(unit=proposal.unit, year=month.year, month=month.month).first()
    before = "未录入" if stored is None else f"{stored.count}条"
    publication_count_set(
        unit=proposal.unit,
        year=month.year,
        month=month.month,
        count=proposal.count,
        acting_user=acting_user,
        reason=f"采用栏目监测数（{proposal.detail}）"[:100],
    )
    proposal_move(proposal, ProposalStatus.ACCEPTED, by=acting_user, note=f"发布数：{before} → {proposal.count}条")
    return stored is None or stored.count != proposal.count


@transaction.atomic
def count_proposal_accept(*, proposal: CountProposal, acting_user: User) -> bool:
    """Take over one proposed count; ``True`` if the stored figure changed."""
    data_changed(Kind.MONITORING)
    proposal = CountProposal.objects.select_for_update(of=("self",)).select_related("unit").get(pk=proposal.pk)
    check_transition(proposal, ProposalStatus.ACCEPTED)
    return _accept(proposal, acting_user)


@transaction.atomic
def count_proposals_accept_month(*, month: Month, acting_user: User) -> tuple[int, int]:
    """Take over every pending proposed count of ``month``: (proposals taken, figures changed)."""
    data_changed(Kind.MONITORING)
    pending = CountProposal.objects.select_for_update(of=("self",)).select_related("unit")
    pending = pending.filter(year=month.year, month=month.month, status=ProposalStatus.PENDING).order_by("pk")
    taken = changed = 0
    for proposal in pending:
        if not proposal.unit.is_assessed_in(month.start):
            continue
        taken += 1
        changed += _accept(proposal, acting_user)
    return taken, changed

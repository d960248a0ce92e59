"""The one way a proposal's status changes: checked against the allowed moves, with an audit row."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from core.versioning import Kind, data_changed

from ..models import PROPOSAL_TRANSITIONS, CountProposal, FindingProposal, ProposalStatus, ProposalTransition


def check_transition(proposal: FindingProposal | CountProposal, to_status: str) -> None:
    if to_status not in PROPOSAL_TRANSITIONS[proposal.status]:
        current = ProposalStatus(proposal.status).label
        raise ValidationError(f"该建议{current}，不能再{ProposalStatus(to_status).label}。")


def proposal_move(proposal: FindingProposal | CountProposal, to_status: str, *, by=None, note: str = "") -> None:
    """Move ``proposal`` to ``to_status`` and record who did it and why (inside the caller's transaction)."""
    data_changed(Kind.MONITORING)
    check_transition(proposal, to_status)
    link = "finding_proposal" if isinstance(proposal, FindingProposal) else "count_proposal"
    ProposalTransition.objects.create(
        **{link: proposal}, from_status=proposal.status, to_status=to_status, by=by, note=note
    )
    proposal.status = to_status
    proposal.save(update_fields=["status", *(["finding"] if link == "finding_proposal" else [])])

"""Staff decide what the crawls propose: a stale column confirmed as a finding or dismissed; the
proposed website publication counts taken into the month grid, one unit or the whole month."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.calendar import Month
from core.forms import apply_service_errors
from core.permissions import office_required

from . import services
from .forms import ConfirmForm, DismissForm
from .models import CountProposal, ProposalStatus
from .selectors import finding_proposals_visible_to


@office_required
def proposal_list(request):
    proposals = finding_proposals_visible_to(request.user).order_by("unit__category", "unit__sort_order", "latest")
    pending = [p for p in proposals if p.status == ProposalStatus.PENDING]
    decided = [p for p in proposals.order_by("-created_at")[:50] if p.status != ProposalStatus.PENDING]
    return render(request, "monitoring/proposals.html", {"pending": pending, "decided": decided})


@office_required
@require_http_methods(["GET", "POST"])
def proposal_detail(request, pk: int):
    proposal = get_object_or_404(finding_proposals_visible_to(request.user), pk=pk)
    form = ConfirmForm(request.POST or None, initial={"description": proposal.description})
    if request.method == "POST" and form.is_valid():
        try:
            finding = services.finding_proposal_confirm(
                proposal=proposal, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已记为检查问题：{proposal.unit.name} {proposal.column_name}。")
            return redirect("inspections:finding_detail", finding.pk)
    dismiss_form = DismissForm(initial={"reason": request.POST.get("reason", "")})
    return _proposal_page(request, proposal, form, dismiss_form)


def _proposal_page(request, proposal, form: ConfirmForm, dismiss_form: DismissForm):
    """The proposal with its two decisions, one form: what was typed for either comes back."""
    context = {
        "proposal": proposal,
        "form": form,
        "dismiss_form": dismiss_form,
        "transitions": proposal.transitions.select_related("by"),
        "kept": _kept(proposal, form, dismiss_form) if proposal.status != ProposalStatus.PENDING else [],
    }
    return render(request, "monitoring/proposal.html", context)


def _kept(proposal, form: ConfirmForm, dismiss_form: DismissForm) -> list[tuple[str, str]]:
    """Text typed for a decision this proposal no longer waits for (decided meanwhile)."""
    description = (form["description"].value() or "").strip()
    reason = (dismiss_form["reason"].value() or "").strip()
    kept = [("问题描述", description)] if description and description != proposal.description else []
    return kept + ([("忽略理由", reason)] if reason else [])


@office_required
@require_POST
def proposal_dismiss(request, pk: int):
    proposal = get_object_or_404(finding_proposals_visible_to(request.user), pk=pk)
    form = DismissForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请填写忽略的理由。")
        services.finding_proposal_dismiss(
            proposal=proposal, reason=form.cleaned_data["reason"], acting_user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        proposal.refresh_from_db()
        confirm = ConfirmForm(initial={"description": proposal.description, **request.POST.dict()})
        return _proposal_page(request, proposal, confirm, form)
    messages.success(request, f"已忽略：{proposal.unit.name} {proposal.column_name}。")
    return redirect("monitoring:proposals")


@office_required
@require_POST
def counts_take(request):
    month = Month.parse(request.POST.get("month", ""))
    if month is None:
        messages.error(request, "月份无效。")
        return redirect("submissions:grid_index")
    try:
        if request.POST.get("unit"):
            proposal = get_object_or_404(
                CountProposal,
                unit=request.POST["unit"],
                year=month.year,
                month=month.month,
                status=ProposalStatus.PENDING,
            )
            services.count_proposal_accept(proposal=proposal, acting_user=request.user)
            messages.success(request, f"已采用{proposal.unit.name}{month.label}的监测数{proposal.count}条。")
        else:
            taken, changed = services.count_proposals_accept_month(month=month, acting_user=request.user)
            messages.success(request, f"已采用{month.label}的监测数{taken}个，其中{changed}个单位的发布数有改动。")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("submissions:grid", month.year, month.month)

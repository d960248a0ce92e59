from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.calendar import Quarter
from core.downloads import FORMAT_NAMES, file_response
from core.forms import apply_service_errors
from core.job_views import start_job
from core.permissions import office_required

from . import services
from .forms import IssueForm, NewNoticeForm, NoticeForm
from .jobs import NOTICE_DRAFT_FILE, NOTICE_ISSUE
from .models import IssuedNotice
from .selectors import issued_visible_to, missing_figures, missing_sentence, notices_visible_to
from .services import EDITABLE_FIELDS


@login_required
def notice_list(request):
    notices = notices_visible_to(request.user).order_by("-year", "-quarter")
    issued = issued_visible_to(request.user).filter(notice__in=notices).order_by("notice", "-number")
    by_notice: dict[int, list[IssuedNotice]] = {}
    for item in issued:
        by_notice.setdefault(item.notice_id, []).append(item)
    rows = [(n, Quarter(n.year, n.quarter).label, by_notice.get(n.pk, [])) for n in notices]
    last = Quarter.last_finished(timezone.localdate())
    form = NewNoticeForm(initial={"year": last.year, "quarter": last.number})
    return render(request, "reports/notice_list.html", {"rows": rows, "form": form})


@office_required
@require_POST
def notice_create(request):
    form = NewNoticeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请正确选择年度和季度。")
        return redirect("reports:notices")
    try:
        notice = services.notice_draft_create(
            year=form.cleaned_data["year"], quarter=form.cleaned_data["quarter"], acting_user=request.user
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("reports:notices")
    messages.success(request, "已根据本季度数据生成通报草稿，请修改后印发。")
    if missing := missing_figures(notice.year, notice.quarter):
        messages.warning(request, missing_sentence(missing))
    return redirect("reports:notice_edit", notice.pk)


@office_required
def notice_edit(request, pk: int):
    notice = get_object_or_404(notices_visible_to(request.user), pk=pk)
    if request.method != "POST":
        # 更正说明 typed before 保存草稿 comes back with the saved draft.
        kept = request.session.pop(_issue_key(notice), {})
        return _edit_page(request, notice, NoticeForm(instance=notice), IssueForm(initial=kept))
    form = NoticeForm(request.POST, instance=notice)
    if form.is_valid():
        try:
            services.notice_draft_update(notice=notice, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。")
            request.session[_issue_key(notice)] = _issue_typed(request.POST)
            return redirect("reports:notice_edit", notice.pk)
    return _edit_page(request, notice, form, IssueForm(request.POST))


def _issue_key(notice) -> str:
    return f"notice-issue:{notice.pk}"


def _issue_typed(data) -> dict:
    """What was typed in the 印发 part of the page (posted with 保存草稿 too)."""
    return {
        "correction_note": data.get("correction_note", ""),
        "confirm_incomplete": bool(data.get("confirm_incomplete")),
    }


def _edit_page(request, notice, form, issue_form, *, status: int = 200):
    issued = list(issued_visible_to(request.user).filter(notice=notice).order_by("-number"))
    context = {
        "notice": notice,
        "form": form,
        "issued": issued,
        "latest": issued[0] if issued else None,
        "changed_since_issue": bool(issued) and notice.updated_at > issued[0].issued_at,
        "issue_form": issue_form,
        "missing": missing_sentence(missing) if (missing := missing_figures(notice.year, notice.quarter)) else "",
        "label": Quarter(notice.year, notice.quarter).label,
    }
    return render(request, "reports/notice_edit.html", context, status=status)


@office_required
def notice_draft_file(request, pk: int, fmt: str):
    notice = get_object_or_404(notices_visible_to(request.user), pk=pk)
    label = f"{Quarter(notice.year, notice.quarter).label}通报草稿（{FORMAT_NAMES[fmt]}）"
    return start_job(request, NOTICE_DRAFT_FILE, label=label, params={"notice": notice.pk, "fmt": fmt})


@office_required
@require_POST
def notice_issue(request, pk: int):
    notice = get_object_or_404(notices_visible_to(request.user), pk=pk)
    form = IssueForm(request.POST)
    form.is_valid()
    options = {
        "correction_note": form.cleaned_data.get("correction_note", ""),
        "confirm_incomplete": form.cleaned_data.get("confirm_incomplete", False),
    }
    # The page posts the draft with 印发 too: unsaved edits are refused, everything typed shown again.
    draft = NoticeForm(request.POST, instance=notice) if any(n in request.POST for n in EDITABLE_FIELDS) else None
    try:
        if draft is not None and draft.has_changed():
            raise ValidationError("草稿有未保存的修改。请先点“保存草稿”，再印发。")
        services.notice_issue_check(notice=notice, **options)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return _edit_page(request, notice, draft or NoticeForm(instance=notice), form)
    label = f"印发{Quarter(notice.year, notice.quarter).label}通报"
    return start_job(
        request, NOTICE_ISSUE, label=label, params={"notice": notice.pk, "user": request.user.pk, **options}
    )


@login_required
def issued_file(request, pk: int, number: int, fmt: str):
    notice = get_object_or_404(notices_visible_to(request.user), pk=pk)
    issued = IssuedNotice.objects.filter(notice=notice, number=number).first()
    if issued is None:
        raise Http404("没有这一版通报。")
    name = f"{Quarter(notice.year, notice.quarter).label}政务公开工作情况通报"
    if number > 1:
        name += f"（第{number}版）"
    return file_response(issued.xlsx if fmt == "xlsx" else issued.pdf, f"{name}.{fmt}")

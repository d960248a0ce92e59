"""The reply letter (告知书) of an application: drafted from the outcome, edited, downloaded as
PDF (a background job) and Word."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.downloads import file_response
from core.forms import apply_service_errors
from core.job_views import start_job

from .forms import LetterForm
from .jobs import LETTER_PDF
from .letter_files import letter_docx as build_docx
from .letters import legal_basis
from .models import ReplyLetter
from .selectors import may_edit_unit
from .services import letter_draft, letter_save
from .web import editable_application, visible_application


def _letter(request, pk: int) -> ReplyLetter:
    letter = ReplyLetter.objects.filter(application=visible_application(request.user, pk)).first()
    if letter is None:
        raise Http404("这件申请还没有生成告知书。")
    return letter


@login_required
@require_http_methods(["GET", "POST"])
def letter(request, pk: int):
    application = visible_application(request.user, pk)
    if request.method == "POST":
        application = editable_application(request.user, pk)
        if request.POST.get("action") == "draft":
            letter_draft(application=application, acting_user=request.user, today=timezone.localdate())
            messages.success(request, "已按处理结果生成告知书，请核对、补充后保存。")
            return redirect("applications:letter", pk)
    current = ReplyLetter.objects.filter(application=application).first()
    form = LetterForm(request.POST or None, instance=current) if current else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            letter_save(letter=current, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "告知书已保存。")
            return redirect("applications:letter", pk)
    basis = legal_basis(application.outcome) if application.outcome else ""
    context = {"application": application, "unit": application.unit, "letter": current, "form": form, "basis": basis}
    return render(
        request, "applications/letter.html", {**context, "can_edit": may_edit_unit(request.user, application.unit)}
    )


@login_required
def letter_pdf(request, pk: int):
    found = _letter(request, pk)
    label = f"{found.title}（{found.application.received_on:%Y年%-m月%-d日}收到的申请）PDF"
    return start_job(request, LETTER_PDF, label=label, params={"letter": found.pk})


@login_required
def letter_docx(request, pk: int):
    found = _letter(request, pk)
    return file_response(build_docx(found), f"{found.title}（{found.application.received_on:%Y%m%d}收到的申请）.docx")

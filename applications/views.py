"""The register's pages for the unit (and the office): the list, logging an application, its page
with the next steps, correcting and deleting it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import apply_service_errors

from .actions import ACTIONS, run_action
from .forms import AppealResultForm, ApplicationEditForm, ApplicationForm, ReasonForm
from .page import detail_context
from .register_page import register_context
from .services import appeal_update, application_delete, application_record, application_update, consultation_remove
from .web import editable_application, editable_unit, visible_application, visible_unit


@login_required
def register(request, unit_id: int):
    unit = visible_unit(request.user, unit_id)
    return render(request, "applications/register.html", register_context(unit, request.user, request.GET))


@login_required
@require_http_methods(["GET", "POST"])
def create(request, unit_id: int):
    unit = editable_unit(request.user, unit_id)
    form = ApplicationForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            application = application_record(unit=unit, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已登记。答复期限为{application.due_on:%Y年%-m月%-d日}。")
            return redirect("applications:detail", application.pk)
    return render(request, "applications/form.html", {"form": form, "unit": unit, "title": "登记政府信息公开申请"})


@login_required
def detail(request, pk: int):
    application = visible_application(request.user, pk)
    context = detail_context(application, request.user, today=timezone.localdate())
    return render(request, "applications/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    application = editable_application(request.user, pk)
    form = ApplicationEditForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            application_update(application=application, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "已保存修改。")
            return redirect("applications:detail", application.pk)
    context = {"form": form, "unit": application.unit, "application": application, "title": "修改登记信息"}
    return render(request, "applications/form.html", {**context, "delete_form": ReasonForm(prefix="delete")})


@login_required
@require_POST
def delete(request, pk: int):
    application = editable_application(request.user, pk)
    form = ReasonForm(request.POST, prefix="delete")
    try:
        if not form.is_valid():
            raise ValidationError("删除须说明原因。")
        application_delete(application=application, acting_user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("applications:edit", application.pk)
    messages.success(request, "已删除这件申请（修改记录中保留）。")
    return redirect("applications:register", application.unit_id)


@login_required
@require_POST
def act(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404("没有这项操作。")
    application = editable_application(request.user, pk)
    done, form = run_action(action, application, request.POST, request.user)
    if done:
        messages.success(request, done)
        return redirect("applications:detail", application.pk)
    application = visible_application(request.user, pk)
    context = detail_context(application, request.user, today=timezone.localdate(), bound={action: form})
    return render(request, "applications/detail.html", context, status=200)


@login_required
@require_POST
def consultation_delete(request, pk: int, consultation_id: int):
    application = editable_application(request.user, pk)
    consultation = application.consultations.filter(pk=consultation_id).first()
    if consultation is None:
        raise Http404("没有这项征求意见。")
    consultation_remove(consultation=consultation, acting_user=request.user)
    messages.success(request, "已删除征求意见，答复期限已重新计算。")
    return redirect("applications:detail", application.pk)


@login_required
@require_POST
def appeal_result(request, pk: int, appeal_id: int):
    application = editable_application(request.user, pk)
    appeal = application.appeals.filter(pk=appeal_id).first()
    if appeal is None:
        raise Http404("没有这件复议诉讼。")
    form = AppealResultForm(request.POST, prefix=f"appeal-{appeal.pk}")
    try:
        if form.is_valid():
            appeal_update(appeal=appeal, acting_user=request.user, **form.cleaned_data)
            messages.success(request, "已保存复议诉讼结果。")
            return redirect("applications:detail", application.pk)
    except ValidationError as exc:
        apply_service_errors(form, exc)
    context = detail_context(application, request.user, today=timezone.localdate(), bound={f"appeal-{appeal.pk}": form})
    return render(request, "applications/detail.html", context)

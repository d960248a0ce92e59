"""The register's other pages: the way in, the office's overview, a unit's computed tables 三 and
四, its Excel export, and importing an existing register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.downloads import file_response
from core.imports import ImportRejected, staging
from core.permissions import office_required

from .exports import register_workbook
from .forms import RegisterFilterForm, UploadForm
from .overview import overview as build_overview
from .services import applications_import
from .tables_page import tables_context
from .web import editable_unit, visible_unit

UPLOAD_KIND = "applications"


def _year(request) -> int:
    form = RegisterFilterForm(request.GET or None)
    return (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year


@login_required
def index(request):
    if request.user.is_office:
        return redirect("applications:overview")
    if request.user.unit_id is None:
        raise PermissionDenied("没有所属单位的账号没有依申请公开登记簿。")
    return redirect("applications:register", request.user.unit_id)


@office_required
def overview(request):
    year = _year(request)
    context = {"overview": build_overview(today=timezone.localdate(), year=year), "year": year}
    return render(request, "applications/overview.html", context)


@login_required
def tables(request, unit_id: int):
    unit = visible_unit(request.user, unit_id)
    return render(request, "applications/tables.html", tables_context(unit, _year(request)))


@login_required
def export(request, unit_id: int):
    unit, year = visible_unit(request.user, unit_id), _year(request)
    return file_response(register_workbook(unit, year), f"{unit.name}{year}年政府信息公开申请登记簿.xlsx")


@login_required
@require_POST
def upload(request, unit_id: int):
    unit = editable_unit(request.user, unit_id)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("applications:register", unit.pk)
    token = staging.stage(request.session, form.cleaned_data["file"], {"kind": UPLOAD_KIND, "unit": unit.pk}).token
    return redirect("applications:upload_preview", unit.pk, token)


def _run(upload, unit, user, *, dry_run: bool) -> dict:
    try:
        with upload.path.open("rb") as source:
            result = applications_import(
                source=source, unit=unit, dry_run=dry_run, acting_user=user, filename=upload.filename
            )
        return {"result": result, "errors": [], "sheet": result.sheet}
    except ImportRejected as exc:
        return {"result": exc.result, "errors": exc.listed, "more_errors": exc.more, "sheet": exc.sheet}


@login_required
@require_http_methods(["GET", "POST"])
def upload_preview(request, unit_id: int, token: str):
    unit = editable_unit(request.user, unit_id)
    upload = staging.staged(request.session, token)
    if upload is None or upload.meta.get("kind") != UPLOAD_KIND or upload.meta.get("unit") != unit.pk:
        messages.error(request, "这次上传已失效（已导入、已取消或已过期），请重新上传文件。")
        return redirect("applications:register", unit.pk)
    confirm = request.method == "POST" and request.POST.get("action") == "confirm"
    if request.method == "POST" and (not confirm or not upload.unchanged(request.POST.get("sha256"))):
        staging.discard(request.session, token)
        messages.info(request, f"已取消导入“{upload.filename}”，未写入任何数据。")
        return redirect("applications:register", unit.pk)
    outcome = _run(upload, unit, request.user, dry_run=not confirm)
    if confirm:
        staging.discard(request.session, token)
        if not outcome["errors"]:
            messages.success(request, f"“{upload.filename}”{outcome['result'].summary()}。")
            return redirect("applications:register", unit.pk)
    context = {**outcome, "upload": upload, "unit": unit, "token": token}
    return render(request, "applications/upload_preview.html", context)

"""The Excel upload page and its preview, for every import kind an app registers."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .calendar import Month
from .forms import UploadForm
from .imports import staging
from .imports.flow import run_staged
from .imports.registry import kinds
from .permissions import office_required


@office_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            meta = {"kind": data["kind"], "year": data["year"], "quarter": data.get("quarter")}
            return redirect("core:import_preview", staging.stage(request.session, data["file"], meta).token)
    else:
        year = Month.last_finished(timezone.localdate()).year
        form = UploadForm(initial={"year": year, "kind": request.GET.get("kind") or kinds()[0].key})
    return render(request, "core/import_upload.html", {"form": form, "kinds": kinds()})


@office_required
@require_http_methods(["GET", "POST"])
def import_preview(request, token: str):
    upload = staging.staged(request.session, token)
    if upload is None:
        messages.error(request, "这次上传已失效（已导入、已取消或已过期），请重新上传文件。")
        return redirect("core:import_upload")
    if request.method == "POST" and request.POST.get("action") != "confirm":
        staging.discard(request.session, token)
        messages.info(request, f"已取消导入“{upload.filename}”，未写入任何数据。")
        return redirect("core:import_upload")
    if not upload.unchanged(request.POST.get("sha256") if request.method == "POST" else None):
        staging.discard(request.session, token)
        messages.error(
            request,
            f"“{upload.filename}”在预览后已被改动或已不存在，为防止导入未经核对的数据，已拒绝导入，未写入任何数据。请重新上传。",
        )
        return redirect("core:import_upload")
    outcome = run_staged(upload, dry_run=request.method == "GET", acting_user=request.user)
    if not outcome.dry_run:
        staging.discard(request.session, token)
    if outcome.committed:
        messages.success(request, f"“{upload.filename}”（{outcome.description}）{outcome.result.summary()}。")
        return redirect("core:import_upload")
    return render(request, "core/import_preview.html", outcome.context())

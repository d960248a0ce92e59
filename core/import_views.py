"""The Excel upload page and its preview, for every import kind an app registers."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .calendar import year_in_range
from .downloads import file_response
from .forms import UploadForm, quarter_just_ended
from .imports import staging
from .imports.flow import run_staged
from .imports.registry import get_kind, kinds
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
        form = UploadForm(initial={**quarter_just_ended(), "kind": request.GET.get("kind") or kinds()[0].key})
    return render(request, "core/import_upload.html", {"form": form, "kinds": kinds()})


@office_required
def import_template(request, kind: str):
    """The blank sheet of an import kind for ``?year=`` (default: the year of the quarter just ended)."""
    found = get_kind(kind)
    if found is None or found.template is None:
        raise Http404("没有这种导入模板。")
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() and year_in_range(int(text)) else quarter_just_ended()["year"]
    return file_response(found.template(year), f"{found.label}导入模板（{year}年）.xlsx")


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

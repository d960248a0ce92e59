"""Office data entry: the month grid, Excel upload with preview, the article register."""

from __future__ import annotations

import hashlib
import secrets
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.forms import NON_FIELD_ERRORS
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from inspections.services import import_deductions
from linzi_gk.imports import ImportRejected
from linzi_gk.numbers import last_finished_month
from linzi_gk.permissions import office_required
from units.selectors import units_visible_to

from .filters import ArticleFilter
from .forms import ArticleForm, ImportKind, UploadForm, parse_grid_post, parse_month, posted_unit_ids
from .grid_html import render_grid_rows
from .selectors import (
    FIELD_LABELS,
    GRID_FIELDS,
    articles_visible_to,
    changed_line,
    month_grid,
    neighbour_months,
    version_of,
)
from .services import (
    CONFLICT,
    INVALID,
    SAVED,
    import_article_tallies,
    import_publications,
    register_article,
    save_month_grid,
    update_article,
)
from .tables import ArticleTable

# --- The month grid ------------------------------------------------------------------------------


def _check_month(year: int, month: int) -> None:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404("没有这个月份。")


def _default_month() -> tuple[int, int]:
    """Figures of a month are entered after it ends: the previous calendar month."""
    today = timezone.localdate()
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


@office_required
def grid_index(request):
    text = request.GET.get("month")
    if text:
        parsed = parse_month(text)
        if parsed is not None:
            return redirect("submissions:grid", *parsed)
        messages.error(request, f"月份“{text}”无效，请按“2024-10”的格式选择月份。")
    return redirect("submissions:grid", *_default_month())


@office_required
@require_http_methods(["GET", "POST"])
def grid(request, year: int, month: int):
    _check_month(year, month)
    if request.method == "POST":
        return _grid_post(request, year, month)
    return _render_grid(request, month_grid(year=year, month=month, user=request.user))


def _grid_post(request, year: int, month: int):
    # Every row the page had, even a unit no longer assessed this month: the service reports it
    # rather than its figures being dropped unseen.
    parsed = parse_grid_post(request.POST, posted_unit_ids(request.POST))
    results = save_month_grid(
        year=year, month=month, rows=[p.row_input for p in parsed if p.row_input], user=request.user
    )
    by_unit = {r.unit_id: r for r in results}
    saved = sum(1 for r in results if r.status == SAVED)
    invalid = [p for p in parsed if p.errors or by_unit[p.unit_id].status == INVALID]
    conflicts = [p for p in parsed if not p.errors and by_unit[p.unit_id].status == CONFLICT]
    if not invalid and not conflicts:
        if saved:
            messages.success(request, f"已保存{saved}行。")
        else:
            messages.info(request, "没有修改，未写入任何数据。")
        return redirect("submissions:grid", year, month)

    grid_data = month_grid(year=year, month=month, user=request.user)
    rows = grid_data.by_unit()
    gone = _rows_not_on_page(request, parsed=invalid + conflicts, rows=rows, by_unit=by_unit)
    for p in invalid:
        row = rows.get(p.unit_id)
        if row is None:
            continue
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        if p.state is not None:
            # Keep the version the row was loaded with: a later save must still see others' changes.
            row.loaded_publication, row.loaded_tally, row.loaded_values = p.state
        errors = p.errors or by_unit[p.unit_id].errors
        row.errors = {name: msgs for name, msgs in errors.items() if name in GRID_FIELDS}
        row.row_errors = [m for name, msgs in errors.items() if name not in GRID_FIELDS for m in msgs]
    for p in conflicts:
        row = rows.get(p.unit_id)
        if row is None:
            continue
        # The row now carries the stored version: saving again overwrites it knowingly.
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        row.row_errors = [by_unit[p.unit_id].message]
    parts = [f"已保存{saved}行"] if saved else ["没有保存任何行"]
    if invalid:
        parts.append(f"{len(invalid)}行有错误")
    if conflicts:
        parts.append(f"{len(conflicts)}行与他人的修改冲突")
    summary = "，".join(parts) + "。有问题的行未保存，已保留您填写的内容，请核对后重新保存。"
    return _render_grid(request, grid_data, summary=summary, gone=gone)


def _rows_not_on_page(request, *, parsed, rows, by_unit) -> list[str]:
    """Problems of submitted rows whose unit is no longer in this month's grid, with what was typed."""
    missing = [p for p in parsed if p.unit_id not in rows]
    if not missing:
        return []
    names = dict(units_visible_to(request.user).filter(pk__in=[p.unit_id for p in missing]).values_list("pk", "name"))
    lines = []
    for p in missing:
        result = by_unit.get(p.unit_id)
        reasons = [m for msgs in (p.errors or (result.errors if result else {})).values() for m in msgs]
        if result is not None and result.message:
            reasons.append(result.message)
        typed = "、".join(f"{FIELD_LABELS[n]}{v}" for n, v in p.typed.items() if v.strip())
        lines.append(f"{names.get(p.unit_id, f'单位{p.unit_id}')}：{'；'.join(reasons)}（填写的内容：{typed or '无'}）")
    return lines


def _render_grid(request, grid_data, *, summary: str = "", gone: list[str] | None = None):
    year, month = grid_data.year, grid_data.month
    prev, nxt = neighbour_months(year, month)
    month_param = f"{year}-{month:02d}"
    context = {
        "year": year,
        "month": month,
        "month_param": month_param,
        "prev": prev,
        "next": nxt,
        "rows": grid_data.rows,
        "rows_html": render_grid_rows(
            grid_data.rows, register_base=reverse("submissions:articles"), month_param=month_param
        ),
        "summary": summary,
        "gone": gone or [],
        "unit_count": len(grid_data.rows),
    }
    return render(request, "submissions/grid.html", context)


# --- Excel upload with preview -------------------------------------------------------------------

SESSION_UPLOADS = "submissions_uploads"
UPLOAD_SUBDIR = "uploads"
STALE_UPLOAD_SECONDS = 24 * 3600
KEEP_UPLOADS_IN_SESSION = 5


def _upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / UPLOAD_SUBDIR
    path.mkdir(parents=True, exist_ok=True)
    return path


def _file_sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove_stale_uploads(folder: Path) -> None:
    """Files of previews nobody confirmed or cancelled are removed after a day."""
    limit = time.time() - STALE_UPLOAD_SECONDS
    for path in folder.glob("*.xlsx"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def _store_upload(request, form: UploadForm) -> str:
    folder = _upload_dir()
    _remove_stale_uploads(folder)
    token = secrets.token_urlsafe(18)
    path = folder / f"{token}.xlsx"
    digest = hashlib.sha256()
    upload = form.cleaned_data["file"]
    with path.open("xb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    uploads = dict(request.session.get(SESSION_UPLOADS, {}))
    for old in sorted(uploads, key=lambda t: uploads[t]["stored_at"])[
        : max(0, len(uploads) - KEEP_UPLOADS_IN_SESSION + 1)
    ]:
        _discard(request, old, uploads)
    uploads[token] = {
        "kind": form.cleaned_data["kind"],
        "year": form.cleaned_data["year"],
        "quarter": form.cleaned_data.get("quarter"),
        "filename": Path(upload.name).name,
        "sha256": digest.hexdigest(),
        "stored_at": time.time(),
    }
    request.session[SESSION_UPLOADS] = uploads
    return token


def _discard(request, token: str, uploads: dict | None = None) -> None:
    """Forget an upload and delete its file."""
    save = uploads is None
    uploads = dict(request.session.get(SESSION_UPLOADS, {})) if uploads is None else uploads
    uploads.pop(token, None)
    (_upload_dir() / f"{token}.xlsx").unlink(missing_ok=True)
    if save:
        request.session[SESSION_UPLOADS] = uploads


def _run_import(entry: dict, path: Path, *, dry_run: bool, user):
    common = {"year": entry["year"], "dry_run": dry_run, "user": user, "filename": entry["filename"]}
    with path.open("rb") as source:
        if entry["kind"] == ImportKind.PUBLICATIONS:
            return import_publications(source=source, **common)
        if entry["kind"] == ImportKind.TALLIES:
            return import_article_tallies(source=source, **common)
        return import_deductions(source=source, quarter=entry["quarter"], **common)


def _describe(entry: dict) -> str:
    text = f"{ImportKind.LABELS[entry['kind']]}，{entry['year']}年"
    if entry["kind"] == ImportKind.DEDUCTIONS:
        text += f"第{entry['quarter']}季度"
    return text


@office_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            token = _store_upload(request, form)
            return redirect("submissions:import_preview", token)
    else:
        form = UploadForm(
            initial={"year": last_finished_month(timezone.localdate()).year, "kind": ImportKind.PUBLICATIONS}
        )
    return render(request, "submissions/import_upload.html", {"form": form})


@office_required
@require_http_methods(["GET", "POST"])
def import_preview(request, token: str):
    entry = request.session.get(SESSION_UPLOADS, {}).get(token)
    if entry is None:
        messages.error(request, "这次上传已失效（已导入、已取消或已过期），请重新上传文件。")
        return redirect("submissions:import")
    path = _upload_dir() / f"{token}.xlsx"
    if request.method == "POST" and request.POST.get("action") == "cancel":
        _discard(request, token)
        messages.info(request, f"已取消导入“{entry['filename']}”，未写入任何数据。")
        return redirect("submissions:import")
    current = _file_sha256(path)
    posted = request.POST.get("sha256") if request.method == "POST" else entry["sha256"]
    if current != entry["sha256"] or posted != entry["sha256"]:
        _discard(request, token)
        messages.error(
            request,
            f"“{entry['filename']}”在预览后已被改动或已不存在，为防止导入未经核对的数据，已拒绝导入，未写入任何数据。请重新上传。",
        )
        return redirect("submissions:import")

    dry_run = request.method == "GET"
    try:
        result = _run_import(entry, path, dry_run=dry_run, user=request.user)
    except ImportRejected as exc:
        if not dry_run:
            _discard(request, token)
        return render(
            request,
            "submissions/import_preview.html",
            {
                "entry": entry,
                "token": token,
                "errors": exc.errors,
                "result": exc.result,
                "description": _describe(entry),
            },
        )
    if not dry_run:
        _discard(request, token)
        messages.success(request, f"“{entry['filename']}”（{_describe(entry)}）{result.summary()}。")
        return redirect("submissions:import")
    counts = {action: result.count(action) for action in ("新增", "修改", "删除", "不变")}
    return render(
        request,
        "submissions/import_preview.html",
        {
            "entry": entry,
            "token": token,
            "result": result,
            "counts": counts,
            "writes": counts["新增"] + counts["修改"] + counts["删除"],
            "description": _describe(entry),
        },
    )


# --- Article register ----------------------------------------------------------------------------

PER_PAGE = 50


def _form_units(user):
    return units_visible_to(user).order_by("category", "sort_order", "name")


@office_required
def article_list(request):
    article_filter = ArticleFilter(
        request.GET or None, queryset=articles_visible_to(request.user), units=_form_units(request.user)
    )
    table = ArticleTable(article_filter.qs)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    add_query = {}
    if article_filter.is_bound and article_filter.form.is_valid():
        if article_filter.form.cleaned_data.get("unit"):
            add_query["unit"] = article_filter.form.cleaned_data["unit"].pk
        if article_filter.month_value:
            add_query["month"] = "{}-{:02d}".format(*article_filter.month_value)
    add_url = reverse("submissions:article_add") + (f"?{urlencode(add_query)}" if add_query else "")
    grid_url = reverse("submissions:grid", args=article_filter.month_value) if article_filter.month_value else ""
    return render(
        request,
        "submissions/article_list.html",
        {"filter": article_filter, "table": table, "add_url": add_url, "grid_url": grid_url},
    )


def _apply_service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            target = name if name in form.fields and name != NON_FIELD_ERRORS else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _back_to_list(article) -> str:
    query = urlencode({"unit": article.unit_id, "month": f"{article.received_on:%Y-%m}"})
    return reverse("submissions:articles") + f"?{query}"


@office_required
@require_http_methods(["GET", "POST"])
def article_add(request):
    units = _form_units(request.user)
    if request.method == "POST":
        form = ArticleForm(request.POST, units=units)
        if form.is_valid():
            try:
                article = register_article(**form.service_kwargs(), user=request.user)
            except ValidationError as exc:
                _apply_service_errors(form, exc)
            else:
                messages.success(request, f"已登记稿件“{article.title}”。")
                if "continue" in request.POST:
                    query = urlencode({"unit": article.unit_id, "date": article.received_on.isoformat()})
                    return redirect(reverse("submissions:article_add") + f"?{query}")
                return redirect(_back_to_list(article))
    else:
        initial = {"is_compliant": "1"}
        unit_id = request.GET.get("unit", "")
        if unit_id.isdigit():
            initial["unit"] = units.filter(pk=int(unit_id)).first()
        if request.GET.get("date"):
            initial["received_on"] = request.GET["date"]
        elif parsed := parse_month(request.GET.get("month", "")):
            initial["received_on"] = f"{parsed[0]}-{parsed[1]:02d}-01"
        form = ArticleForm(initial=initial, units=units)
    return render(request, "submissions/article_form.html", {"form": form, "article": None})


@office_required
@require_http_methods(["GET", "POST"])
def article_edit(request, pk: int):
    article = get_object_or_404(articles_visible_to(request.user), pk=pk)
    units = _form_units(request.user)
    if request.method == "POST":
        form = ArticleForm(request.POST, units=units)
        if form.is_valid():
            try:
                updated = update_article(
                    article=article,
                    **form.service_kwargs(),
                    user=request.user,
                    loaded_version=form.cleaned_data.get("version") or None,
                )
            except ValidationError as exc:
                _apply_service_errors(form, exc)
                current = version_of(articles_visible_to(request.user).get(pk=pk))
                if form.cleaned_data.get("version") and current != form.cleaned_data["version"]:
                    # Shown once: saving again now overwrites the other person's change knowingly.
                    form.data = form.data.copy()
                    form.data["version"] = current
            else:
                messages.success(request, f"已保存稿件“{updated.title}”。")
                return redirect(_back_to_list(updated))
    else:
        form = ArticleForm(
            initial={
                "unit": article.unit,
                "title": article.title,
                "received_on": article.received_on,
                "char_count": article.char_count,
                "is_compliant": "1" if article.is_compliant else "0",
                "non_compliance_reason": article.non_compliance_reason,
                "city_adopted_on": article.city_adopted_on,
                "province_adopted_on": article.province_adopted_on,
                "version": version_of(article),
            },
            units=units,
        )
    return render(
        request,
        "submissions/article_form.html",
        {"form": form, "article": article, "changed": changed_line(article.updated_by, article.updated_at)},
    )

"""The article register pages: they parse input, check permission, call one service, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from core.calendar import Month
from core.downloads import file_response
from core.formatting import changed_line
from core.forms import apply_service_errors
from core.permissions import office_required
from units.selectors import units_visible_to

from . import services
from .exports import articles_xlsx
from .filters import ArticleFilter
from .forms import ArticleForm
from .selectors import article_export_rows, articles_visible_to, version_of
from .tables import ArticleTable

PER_PAGE = 50


def _form_units(user):
    return units_visible_to(user).order_by("category", "sort_order", "name")


@office_required
def article_list(request):
    article_filter = ArticleFilter(
        request.GET or None, queryset=articles_visible_to(request.user), units=_form_units(request.user)
    )
    table = ArticleTable(article_filter.qs)
    if request.GET.get("format") == "xlsx":
        return _articles_download(request, table, article_filter.month_value)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    add_query = {}
    if article_filter.is_bound and article_filter.form.is_valid():
        if article_filter.form.cleaned_data.get("unit"):
            add_query["unit"] = article_filter.form.cleaned_data["unit"].pk
        if article_filter.month_value:
            add_query["month"] = article_filter.month_value.param
    add_url = reverse("submissions:article_add") + (f"?{urlencode(add_query)}" if add_query else "")
    month = article_filter.month_value
    grid_url = reverse("submissions:grid", args=[month.year, month.month]) if month else ""
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    context = {
        "filter": article_filter,
        "table": table,
        "add_url": add_url,
        "grid_url": grid_url,
        "xlsx_url": f"?{query.urlencode()}",
    }
    return render(request, "submissions/article_list.html", context)


def _articles_download(request, table: ArticleTable, month: Month | None) -> FileResponse:
    """The filtered register in the list's order (its ``sort``), as Excel."""
    RequestConfig(request, paginate=False).configure(table)
    rows = article_export_rows(table.data.data)
    period = f"（{month.year}年{month.month}月）" if month else ""
    content = articles_xlsx(rows, title=f"“政务公开在行动”稿件登记{period}，共{len(rows)}篇")
    return file_response(content, f"稿件登记{period}.xlsx")


def _back_to_list(article) -> str:
    query = urlencode({"unit": article.unit_id, "month": Month.of(article.received_on).param})
    return reverse("submissions:articles") + f"?{query}"


def _add_initial(request, units) -> dict:
    initial = {"is_compliant": "1"}
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        initial["unit"] = units.filter(pk=int(unit_id)).first()
    if request.GET.get("date"):
        initial["received_on"] = request.GET["date"]
    elif month := Month.parse(request.GET.get("month", "")):
        initial["received_on"] = month.start.isoformat()
    return initial


@office_required
@require_http_methods(["GET", "POST"])
def article_add(request):
    units = _form_units(request.user)
    data = request.POST if request.method == "POST" else None
    form = ArticleForm(data, units=units, initial=_add_initial(request, units))
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_register(**form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已登记稿件“{article.title}”。")
            if "continue" in request.POST:
                query = urlencode({"unit": article.unit_id, "date": article.received_on.isoformat()})
                return redirect(reverse("submissions:article_add") + f"?{query}")
            return redirect(_back_to_list(article))
    return render(request, "submissions/article_form.html", {"form": form, "article": None})


@office_required
@require_http_methods(["GET", "POST"])
def article_edit(request, pk: int):
    article = get_object_or_404(articles_visible_to(request.user), pk=pk)
    units = _form_units(request.user)
    if request.method == "GET":
        form = ArticleForm.for_article(article, units=units, version=version_of(article))
    else:
        form = ArticleForm(request.POST, units=units)
        if form.is_valid():
            try:
                updated = services.article_update(
                    article=article,
                    **form.service_kwargs(),
                    acting_user=request.user,
                    loaded_version=form.loaded_version,
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
                form.refresh_version(version_of(articles_visible_to(request.user).get(pk=pk)))
            else:
                messages.success(request, f"已保存稿件“{updated.title}”。")
                return redirect(_back_to_list(updated))
    context = {"form": form, "article": article, "changed": changed_line(article.updated_by, article.updated_at)}
    return render(request, "submissions/article_form.html", context)

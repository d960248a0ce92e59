from urllib.parse import quote

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.history import history_page
from core.permissions import office_required

from .exports import history_xlsx
from .forms import HistoryFilterForm
from .selectors import units_visible_to

HISTORY_PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@office_required
def unit_list(request):
    units = (
        units_visible_to(request.user)
        .prefetch_related("aliases", "demo_site_periods")
        .annotate(user_count=Count("users"))
        .order_by("category", "sort_order")
    )
    return render(request, "units/unit_list.html", {"units": units})


@office_required
def history(request):
    """修改记录: every change of every tracked record, filtered and paged, or as Excel."""
    form = HistoryFilterForm(request.GET or None)
    flt = form.history_filter()
    zone = timezone.get_current_timezone()
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(history_xlsx(flt, zone=zone), content_type=XLSX)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote('修改记录.xlsx')}"
        return response
    page = history_page(flt, page=request.GET.get("page"), per_page=HISTORY_PAGE_SIZE, zone=zone)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "units/history.html", {"form": form, "page": page, "query": query.urlencode()})

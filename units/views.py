from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.history import history_page
from core.job_views import start_job
from core.permissions import office_required

from .exports import filter_params
from .forms import HistoryFilterForm
from .lockouts import lockout_lift, lockouts
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
        return start_job(request, kind="history_xlsx", label="修改记录（Excel）", params=filter_params(flt))
    page = history_page(flt, page=request.GET.get("page"), per_page=HISTORY_PAGE_SIZE, zone=zone)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "units/history.html", {"form": form, "page": page, "query": query.urlencode()})


@office_required
@require_http_methods(["GET", "POST"])
def lockout_list(request):
    """Accounts locked out after too many wrong passwords; staff can let one try again."""
    if request.method == "POST" and request.POST.get("attempt", "").isdigit():
        try:
            messages.success(request, lockout_lift(attempt_id=int(request.POST["attempt"]), acting_user=request.user))
        except AccessAttempt.DoesNotExist:
            messages.info(request, "该锁定已解除。")
        return redirect("units:lockouts")
    return render(request, "units/lockouts.html", {"attempts": lockouts(), "limit": settings.AXES_FAILURE_LIMIT})

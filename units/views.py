from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from core.history import history_page
from core.job_views import start_job
from core.permissions import office_required

from .exports import filter_params
from .forms import AliasForm, HistoryFilterForm
from .jobs import HISTORY_FILE
from .lockouts import lockout_lift, lockouts
from .selectors import units_visible_to
from .services import unit_alias_add

HISTORY_PAGE_SIZE = 100


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
        return start_job(request, HISTORY_FILE, label="修改记录（Excel）", params=filter_params(flt))
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


def _back(request, target: str) -> str:
    """Back to the page the fix was offered on (an import preview), never to another site."""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "units:list"


@office_required
@require_POST
def alias_add(request):
    """Save a name an import did not know as a unit's alias; the preview then checks the file again."""
    form = AliasForm(request.POST, units=units_visible_to(request.user))
    target = _back(request, request.POST.get("next", ""))
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(target)
    unit, name = form.cleaned_data["unit"], form.cleaned_data["name"]
    try:
        unit_alias_add(unit=unit, name=name, acting_user=request.user, reason="导入时添加别名")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, f"已把“{name}”保存为{unit.name}的别名，文件已重新检查。")
    return redirect(target)

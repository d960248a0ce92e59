"""Starting a crawl (a background job: the page shows its progress) and the last crawl per unit."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_POST

from core.job_views import start_job
from core.permissions import office_required
from units.selectors import units_visible_to

from .jobs import CRAWL_JOB
from .selectors import last_run, unit_crawls


@office_required
@require_POST
def crawl_start(request):
    unit = units_visible_to(request.user).filter(pk=request.POST.get("unit") or 0).first()
    params = {"unit": unit.pk if unit else None, "user": request.user.pk}
    label = f"栏目更新监测：{unit.name if unit else '全部单位'}"
    return start_job(request, CRAWL_JOB, label=label, params=params)


@office_required
def crawl_overview(request):
    return render(request, "monitoring/crawls.html", {"lines": unit_crawls(request.user), "run": last_run()})

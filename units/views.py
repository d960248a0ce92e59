from django.db.models import Count
from django.shortcuts import render

from linzi_gk.permissions import office_required
from scoring.selectors import latest_quarter_with_data

from .selectors import units_visible_to


@office_required
def unit_list(request):
    units = (
        units_visible_to(request.user)
        .prefetch_related("aliases", "demo_site_periods")
        .annotate(user_count=Count("users"))
        .order_by("category", "sort_order")
    )
    return render(request, "units/unit_list.html", {"units": units, "latest": latest_quarter_with_data()})

"""Small helpers the report, office and assessment pages share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from units.selectors import units_visible_to

from .models import ReportYear


def report_year_or_404(year: int) -> ReportYear:
    report_year = ReportYear.objects.filter(year=year).first()
    if report_year is None:
        raise Http404(f"{year}年度报告尚未开启，开启后可填报。")
    return report_year


def visible_unit(user, unit_id: int):
    """The unit if ``user`` may see its report: 403 for another unit's, 404 for none."""
    unit = units_visible_to(user).filter(pk=unit_id).first()
    if unit is None:
        if user.is_office:
            raise Http404("没有这个单位。")
        raise PermissionDenied("只能查看本单位的年度报告。")
    return unit


def page_url(year: int, unit) -> str:
    if unit is None:
        return reverse("annual_reports:district", args=[year])
    return reverse("annual_reports:report", args=[year, unit.pk])


def form_errors(form) -> str:
    return "；".join(e for errors in form.errors.values() for e in errors)

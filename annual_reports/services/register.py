"""Switching a unit's report between typed figures and figures from its 依申请公开 register."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..layout import decode, encode
from ..models import AnnualReport, ReportYear
from ..register import keeps_register, with_register
from ..selectors import new_report
from .reports import EDITABLE, _check_fill, _locked

Source = AnnualReport.Source


@transaction.atomic
def report_requests_source(
    *, report_year: ReportYear, unit: Unit, source: str, acting_user: User | None
) -> AnnualReport:
    """由登记簿生成 (``register``): tables 三 and 四 become the register's, filled now and on every
    save; 手工填写 (``typed``): the figures stay as they are and can be typed again."""
    _check_fill(report_year, unit, acting_user)
    data_changed(Kind.ANNUAL_REPORTS)
    report = _locked(report_year, unit) or new_report(report_year, unit)
    if report.status not in EDITABLE:
        raise ValidationError(f"报告{report.get_status_display()}，不能修改。")
    if source == Source.REGISTER and not keeps_register(unit):
        raise ValidationError("本单位还没有在依申请公开登记簿中登记申请，不能由登记簿生成。")
    report.requests_source = Source(source)
    if source == Source.REGISTER:
        report.figures = encode(with_register(decode(report.figures), unit, report_year.year))
    report.stamp(acting_user=acting_user, reason=f"表三、表四改为{report.get_requests_source_display()}")
    report.full_clean()
    report.save()
    return report

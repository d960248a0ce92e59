"""Demo annual reports: the office's own reports of 2023 (finalised) and 2024 (seed 002, submitted
for review), so that the year pages, the checks against last year and the district's compilation
have something real to show. Other units are left to fill in (the demo unit account can)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

from annual_reports.layout import typed_keys
from annual_reports.models import ReportYear
from annual_reports.services import report_finalise, report_save, report_year_open
from units.models import User
from units.selectors import resolve_unit

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "annual_report_2024.json"


def _typed(figures: dict) -> dict:
    return {key: figures.get(key, 0) for key in typed_keys()}


def load_annual_reports(office: User) -> str:
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    if ReportYear.objects.filter(year=data["year"]).exists():
        return f"{data['year']}年度报告演示数据已存在，跳过。"
    unit = resolve_unit(data["unit"])
    previous = data["previous"]
    last_year = report_year_open(year=previous["year"], acting_user=office)
    outcome = report_save(
        report_year=last_year,
        unit=unit,
        acting_user=office,
        typed=_typed(previous["figures"]),
        texts={"title": previous["title"]},
        submit=True,
    )
    report_finalise(report=outcome.report, acting_user=office)
    this_year = report_year_open(year=data["year"], acting_user=office)
    outcome = report_save(
        report_year=this_year,
        unit=unit,
        acting_user=office,
        typed=_typed(data["figures"]),
        texts={"title": data["title"], **data["texts"]},
        submit=True,
    )
    if not outcome.submitted:
        raise RuntimeError("; ".join(p.message for p in outcome.problems))
    return f"已载入年度报告演示数据：{unit.name}{previous['year']}年（已定稿）和{data['year']}年（已提交）报告。"

"""Benchmark of the real quarterly notice: data → PDF and Excel, for 70 and 500 units.

Populates a throw-away database (see bench_scoring.py) with a quarter of figures, deductions and
inspection findings, then times ``build_notice_data`` + ``notice_pdf`` (best of 3) and reports the
PDF's page count; writes bench/results/notice.json. Targets: 70 units < 1.5 s, 500 units < 8 s.
"""

import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scoring import populate
from benchenv import write_results
from django.core.management import call_command
from django.db import transaction

from inspections.models import Finding, InspectionRound
from reports.drafting import draft_notice
from reports.notice_data import build_notice_data
from reports.pdf import notice_pdf, pdf_page_count
from reports.xlsx import notice_xlsx
from units.models import Unit

TARGETS = {70: 1.5, 500: 8.0}


def add_findings(inspection: InspectionRound) -> None:
    Finding.objects.bulk_create(
        Finding(
            inspection=inspection,
            unit=unit,
            category=Finding.Category.COLUMN_NOT_UPDATED,
            description="法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单",
            deadline=datetime.date(2020, 10, 16),
        )
        for unit in Unit.objects.order_by("pk")[::5]
        if not unit.findings.exists()
    )


def measure(units: int) -> dict:
    notice = draft_notice(year=2020, quarter=3, issue_date=datetime.date(2020, 10, 14))
    timings, pages, xlsx_s = [], 0, 0.0
    for _ in range(3):
        started = time.perf_counter()
        pdf = notice_pdf(build_notice_data(notice))
        timings.append(time.perf_counter() - started)
        pages = pdf_page_count(pdf)
    started = time.perf_counter()
    notice_xlsx(build_notice_data(notice))
    xlsx_s = time.perf_counter() - started
    best = min(timings)
    verdict = "达标" if best < TARGETS[units] else f"超过目标{TARGETS[units]}秒"
    print(f"季度通报PDF：{units}个单位，最快{best:.2f}秒，{pages}页（{verdict}）；Excel {xlsx_s:.2f}秒")
    return {
        "units": units,
        "pdf_seconds_best_of_3": round(best, 3),
        "pages": pages,
        "pdf_bytes": len(pdf),
        "target_seconds": TARGETS[units],
        "xlsx_seconds": round(xlsx_s, 3),
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    Unit.objects.all().delete()
    inspection = InspectionRound.objects.create(
        name="2020年三季度检查", year=2020, quarter=3, inspected_on=datetime.date(2020, 10, 9)
    )
    figures = {}
    created = 0
    for size in TARGETS:
        with transaction.atomic():
            populate(size - created, created)
            add_findings(inspection)
        created = size
        figures[str(size)] = measure(size)
    write_results("notice", figures)


if __name__ == "__main__":
    main()

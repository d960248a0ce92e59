"""Benchmark of the annual report: compiling and rendering the district's report from 70 units'
finalised reports (PDF and Excel), and the office's overview of the year with the 内容雷同 check.

Populates a throw-away database (see benchenv.py) with 70 units' reports whose tables balance and
whose texts are each about 1,500 characters (common phrases and the unit's own sentences; one unit
copies another's), then times (best of 3) the compilation, the district
PDF (with its page count and size), the district Excel, and the year overview (status, lateness and
pairwise similarity of every section of every unit); writes bench/results/annual.json.
Targets: compilation < 0.5 s in 3 queries; PDF < 3 s; Excel < 1 s; overview < 2 s in 3 queries.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime
import random

from benchenv import ROOT, write_results
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from annual_reports.layout import OUTCOME_ROWS, PARTIES, encode, typed_keys
from annual_reports.models import AnnualReport, ReportYear
from annual_reports.overviews import year_overview
from annual_reports.pdf import page_count, report_pdf
from annual_reports.selectors import compile_district, new_report, report_content
from annual_reports.similarity import COMPARED
from annual_reports.xlsx import report_workbook
from units.models import Unit

UNITS = 70
TARGETS = {"compile": 0.5, "pdf": 3.0, "xlsx": 1.0, "overview": 2.0}
PHRASES = (
    "认真贯彻落实国家及省市关于政务公开工作有关部署要求",
    "紧紧围绕年度政务公开工作要点",
    "推动政务公开工作落细落实",
    "加强政策解读和回应关切",
    "规范办理政府信息公开申请",
    "持续做好重点领域信息公开",
    "严格落实保密审查制度",
    "优化政府门户网站政务公开版块设置",
    "按季度组织政务新媒体检查抽查",
    "加大公开培训力度",
)


def balanced(rng: random.Random) -> dict:
    """A unit's typed cells whose 勾稽关系 hold: every request received or carried is answered or pending."""
    values = dict.fromkeys(typed_keys(), 0)
    for column in PARTIES:
        new, carried = rng.randint(0, 8), rng.randint(0, 2)
        pending = rng.randint(0, min(1, new))
        for _ in range(new + carried - pending):
            values[f"{rng.choice(OUTCOME_ROWS).key}.{column.key}"] += 1
        values.update({f"new.{column.key}": new, f"carried.{column.key}": carried, f"pending.{column.key}": pending})
    values.update({"normative.issued": rng.randint(0, 3), "normative.in_force": rng.randint(3, 20)})
    values["licensing.decisions"] = rng.randint(0, 500)
    return values


CHARACTERS = sorted(
    set((ROOT / "tests" / "data" / "annual_report_2024_seed002.txt").read_text(encoding="utf-8")) - set("\n\t 　")
)


def text(rng: random.Random) -> str:
    """About 1,500 characters: the district's common phrases and a unit's own sentences."""
    shared = "，".join(rng.sample(PHRASES, 6))
    own = "。".join("".join(rng.choices(CHARACTERS, k=60)) for _ in range(22))
    return f"{shared}。{own}。"


def populate() -> ReportYear:
    report_year = ReportYear.objects.create(
        year=2024, unit_deadline=datetime.date(2025, 1, 31), district_deadline=datetime.date(2025, 3, 31)
    )
    units = Unit.objects.bulk_create(
        Unit(name=f"基准单位{i}", category="部门" if i % 5 else "镇街", sort_order=i) for i in range(UNITS)
    )
    now = timezone.now()
    AnnualReport.objects.bulk_create(
        AnnualReport(
            report_year=report_year,
            unit=unit,
            title=f"{unit.name}2024年政府信息公开工作年度报告",
            status=AnnualReport.Status.FINALISED,
            figures=encode(balanced(random.Random(index))),
            first_submitted_at=now,
            finalised_at=now,
            **{key: text(random.Random(min(index, UNITS - 2) * 31 + n)) for n, key in enumerate(COMPARED)},
        )
        for index, unit in enumerate(units)
    )
    return report_year


def best_of_3(work):
    timings, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def queries(work) -> int:
    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured)


def main() -> None:
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        report_year = populate()
    district = new_report(report_year, None)
    compile_s, compilation = best_of_3(lambda: compile_district(report_year))
    pdf_s, pdf = best_of_3(lambda: report_pdf(report_content(district, compilation.values)))
    xlsx_s, xlsx = best_of_3(lambda: report_workbook(report_content(district, compilation.values)))
    today = datetime.date(2025, 2, 1)
    overview_s, rows = best_of_3(lambda: year_overview(report_year, today=today))
    figures = {
        "units": UNITS,
        "compile_seconds_best_of_3": round(compile_s, 3),
        "compile_queries": queries(lambda: compile_district(report_year)),
        "district_requests_received": compilation.values["new.total"],
        "pdf_seconds_best_of_3": round(pdf_s, 3),
        "pdf_pages": page_count(pdf),
        "pdf_bytes": len(pdf),
        "xlsx_seconds_best_of_3": round(xlsx_s, 3),
        "xlsx_bytes": len(xlsx),
        "overview_seconds_best_of_3": round(overview_s, 3),
        "overview_queries": queries(lambda: year_overview(report_year, today=today)),
        "overview_units_flagged_similar": sum(1 for r in rows if r.similar),
        "targets_seconds": TARGETS,
    }
    measured = {"compile": compile_s, "pdf": pdf_s, "xlsx": xlsx_s, "overview": overview_s}
    verdicts = {k: "达标" if measured[k] < TARGETS[k] else f"超过目标{TARGETS[k]}秒" for k in TARGETS}
    print(
        f"全区年度报告（{UNITS}个单位）：汇总{compile_s:.3f}秒/{figures['compile_queries']}次查询（{verdicts['compile']}）；"
        f"PDF {pdf_s:.2f}秒，{figures['pdf_pages']}页（{verdicts['pdf']}）；Excel {xlsx_s:.2f}秒（{verdicts['xlsx']}）；"
        f"报送情况与雷同检查{overview_s:.2f}秒/{figures['overview_queries']}次查询（{verdicts['overview']}）"
    )
    write_results("annual", figures)


if __name__ == "__main__":
    main()

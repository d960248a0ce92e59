"""Work-plan benchmark: seed 003's 附件1 (63 tasks, most given to 各镇、街道，区政府各部门单位) for the
real 71 units and for 2,000 units: the import (first and an unchanged re-import), the 落实情况
matrix, the 回头看 summary and the ledger export — server time, queries, sizes.

Runs on a throw-away SQLite database (or the one DATABASE_URL names). Writes
bench/results/workplans.json as {"<step>": {"71": {...}, "2000": {...}}}.

    .venv/bin/python bench/bench_workplans.py
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import io

from benchenv import write_results
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.workplans.seed003 import attachment1_xlsx
from units.models import Unit, User
from units.services import units_sync_from_csv
from workplans.exports import ledger_workbook
from workplans.models import TaskUnit, WorkPlan
from workplans.overviews import ledger_sheets
from workplans.services import work_plan_import

SIZES = (71, 2000)


def measure(action) -> tuple[dict, object]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 3), "queries": len(queries)}, result


def main() -> None:
    call_command("migrate", verbosity=0)
    units_sync_from_csv()
    staff = User.objects.create(username="bench-staff", role=User.Role.OFFICE_STAFF)
    client = Client()
    client.force_login(staff)
    content = attachment1_xlsx()
    figures: dict[str, dict] = {}
    for size in SIZES:
        extra = size - Unit.objects.count()
        Unit.objects.bulk_create(
            Unit(name=f"基准单位{i}", category="部门" if i % 5 else "镇街", sort_order=1000 + i) for i in range(extra)
        )
        WorkPlan.objects.filter(year=2022).delete()
        key = str(size)
        step, _ = measure(lambda: work_plan_import(source=io.BytesIO(content), year=2022))
        figures.setdefault("import", {})[key] = {**step, "assignments": TaskUnit.objects.count()}
        step, _ = measure(lambda: work_plan_import(source=io.BytesIO(content), year=2022))
        figures.setdefault("reimport_unchanged", {})[key] = step
        for name, url in (
            ("matrix_page", reverse("workplans:matrix", args=[2022])),
            ("review_page", reverse("workplans:review", args=[2022])),
            ("plan_page", reverse("workplans:plan", args=[2022])),
        ):
            step, response = measure(lambda url=url: client.get(url))
            figures.setdefault(name, {})[key] = {**step, "kilobytes": len(response.content) // 1024}
        plan = WorkPlan.objects.get(year=2022)
        step, workbook = measure(lambda plan=plan: ledger_workbook(plan, ledger_sheets(plan)))
        figures.setdefault("ledger_export", {})[key] = {**step, "kilobytes": len(workbook) // 1024}
        print(key, {name: values[key] for name, values in figures.items()})
    write_results("workplans", figures)


if __name__ == "__main__":
    main()

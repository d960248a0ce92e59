"""Import benchmark: a year of website publication counts of 2,000 units (2,000 rows × 12 months,
24,000 figures) through the real import service, dry run and commit, and the same for 200 units
to show that the number of queries does not grow with the rows. Goal: under 5 s, constant queries.
Then the hostile workbooks of the tests (billion laughs in three parts, a zip bomb of 318 MB, tight
packing, unused shared strings): each refused in under 1 s. Writes bench/results/imports.json.
"""

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import write_results
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from core.imports import ImportRejected
from submissions.models import MonthlyPublication
from submissions.services import publications_import
from tests import hostile_files
from units.models import Unit

YEAR = 2024
GOAL_SECONDS = 5.0
HOSTILE_GOAL_SECONDS = 1.0
HOSTILE = {
    "billion_laughs_shared_strings": lambda: hostile_files.billion_laughs(hostile_files.SHARED_STRINGS),
    "billion_laughs_sheet": lambda: hostile_files.billion_laughs(hostile_files.SHEET),
    "billion_laughs_workbook": lambda: hostile_files.billion_laughs(hostile_files.WORKBOOK_PART),
    "zip_bomb_318mb": hostile_files.zip_bomb,
    "packed_too_tightly": hostile_files.tightly_packed,
    "unused_shared_strings": hostile_files.many_strings,
}


def workbook(units: list[Unit], offset: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["单位", *[f"{m}月" for m in range(1, 13)]])
    for i, unit in enumerate(units):
        sheet.append([unit.name, *[(i + m + offset) % 25 for m in range(1, 13)]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(content: bytes, *, dry_run: bool) -> tuple[float, int, object]:
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        result = publications_import(source=io.BytesIO(content), year=YEAR, dry_run=dry_run, filename="bench.xlsx")
        seconds = time.perf_counter() - started
    return seconds, len(ctx.captured_queries), result


def measure(count: int) -> dict:
    units = list(Unit.objects.order_by("pk")[:count])
    figures = {"units": count, "figures": count * 12}
    first, second = workbook(units, 0), workbook(units, 1)
    for label, content, dry in (
        ("dry_run_new", first, True),
        ("commit_new", first, False),
        ("commit_changed", second, False),
    ):
        seconds, queries, result = run(content, dry_run=dry)
        figures[label] = {"seconds": round(seconds, 3), "queries": queries, "written": result.writes}
        print(f"导入发布数：{count}个单位×12个月，{label}：{seconds:.2f}秒，{queries}次查询，写入{result.writes}条")
    MonthlyPublication.objects.filter(unit__in=units).delete()
    return figures


def hostile() -> dict:
    """Seconds until each hostile workbook is refused (it must be, and within the goal)."""
    figures = {}
    for name, build in HOSTILE.items():
        content = build()
        started = time.perf_counter()
        try:
            publications_import(source=io.BytesIO(content), year=YEAR, dry_run=True)
            refused = False
        except ImportRejected:
            refused = True
        seconds = time.perf_counter() - started
        figures[name] = {"bytes": len(content), "seconds": round(seconds, 4), "refused": refused}
        print(f"恶意文件 {name}（{len(content) // 1024}KB）：{'拒绝' if refused else '未拒绝！'}，{seconds:.3f}秒")
    return figures


def main() -> None:
    call_command("migrate", verbosity=0)
    Unit.objects.all().delete()
    Unit.objects.bulk_create(Unit(name=f"测试单位{i:04d}", category="部门", sort_order=i) for i in range(2000))
    figures = {"database": connection.vendor, "goal_seconds": GOAL_SECONDS}
    figures["200"] = measure(200)
    figures["2000"] = measure(2000)
    constant = all(figures["200"][k]["queries"] == figures["2000"][k]["queries"] for k in ("dry_run_new", "commit_new"))
    figures["queries_constant"] = constant
    print("查询次数与行数无关" if constant else "注意：查询次数随行数增加")
    figures["hostile_goal_seconds"] = HOSTILE_GOAL_SECONDS
    figures["hostile"] = hostile()
    write_results("imports", figures)


if __name__ == "__main__":
    main()

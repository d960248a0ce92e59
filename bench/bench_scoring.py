"""Scoring benchmark: time and query count of one quarter for 70 and for 10,000 units.

Runs on a throw-away SQLite database (or the one DATABASE_URL names) so it never touches real
data; writes bench/results/scoring.json. ``make bench`` runs it.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime
import random
from decimal import Decimal

from benchenv import write_results
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from inspections.models import Deduction
from scoring.selectors import quarter_scores
from submissions.models import Article, MonthlyArticleTally, MonthlyPublication
from units.models import DemoSitePeriod, Unit


def populate(n: int, start: int) -> None:
    rng = random.Random(n)
    units = Unit.objects.bulk_create(
        Unit(name=f"基准单位{start + i}", category="部门" if i % 5 else "镇街", sort_order=start + i) for i in range(n)
    )
    DemoSitePeriod.objects.bulk_create(
        DemoSitePeriod(unit=u, start=datetime.date(2020, 8, 1)) for u in units[:: max(1, n // 20)]
    )
    MonthlyPublication.objects.bulk_create(
        MonthlyPublication(unit=u, year=2020, month=m, count=rng.randint(0, 20)) for u in units for m in (7, 8, 9)
    )
    MonthlyArticleTally.objects.bulk_create(
        MonthlyArticleTally(unit=u, year=2020, month=m, submitted=rng.randint(0, 2))
        for u in units[::2]
        for m in (7, 8, 9)
    )
    Article.objects.bulk_create(
        Article(
            unit=u,
            title="稿件",
            received_on=datetime.date(2020, rng.choice((7, 8, 9)), 10),
            city_adopted_on=datetime.date(2020, 9, 20) if rng.random() < 0.1 else None,
        )
        for u in units[1::2]
        for _ in range(2)
    )
    Deduction.objects.bulk_create(
        Deduction(unit=u, year=2020, quarter=3, reason="公开事项标准目录未上传", points=Decimal("5"))
        for u in units[::7]
    )


def measure(label: str, expected_units: int) -> dict:
    timings = []
    queries = 0
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            result = quarter_scores(year=2020, quarter=3)
            timings.append(time.perf_counter() - started)
        queries = len(ctx.captured_queries)
        assert len(result.rows) == expected_units
    figure = {"units": expected_units, "seconds_best_of_3": round(min(timings), 4), "queries": queries}
    print(f"{label}: {expected_units}个单位，最快{min(timings) * 1000:.0f}毫秒，{queries}次数据库查询")
    return figure


def main() -> None:
    call_command("migrate", verbosity=0)
    Unit.objects.all().delete()
    figures = {"database": connection.vendor}
    with transaction.atomic():
        populate(70, 0)
    figures["70"] = measure("季度计分", 70)
    with transaction.atomic():
        populate(10_000 - 70, 70)
    figures["10000"] = measure("季度计分", 10_000)
    write_results("scoring", figures)


if __name__ == "__main__":
    main()

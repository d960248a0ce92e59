"""Page benchmark: server time and query count of office pages for 70 and for 2,000 units.

Runs on a throw-away SQLite database (or the one DATABASE_URL names) so it never touches real
data; each page is fetched with Django's test client logged in as office staff, best of 3.
Writes bench/results/pages.json as {"<page>": {"70": {...}, "2000": {...}}}.

    .venv/bin/python bench/bench_pages.py
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime
import random
from collections.abc import Callable

from benchenv import write_results
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from submissions.models import Article, MonthlyArticleTally, MonthlyPublication
from units.models import Unit, User

YEAR, MONTH = 2024, 10
SIZES = (70, 2000)


def populate(n: int, start: int) -> None:
    """``n`` more units with a month of data: a publication count each, a monthly article total
    for two units in three, a per-article register (2 articles) for the others."""
    rng = random.Random(start)
    units = Unit.objects.bulk_create(
        Unit(name=f"基准单位{start + i}", category="部门" if i % 5 else "镇街", sort_order=start + i) for i in range(n)
    )
    MonthlyPublication.objects.bulk_create(
        MonthlyPublication(unit=u, year=YEAR, month=MONTH, count=rng.randint(0, 20)) for u in units
    )
    MonthlyArticleTally.objects.bulk_create(
        MonthlyArticleTally(unit=u, year=YEAR, month=MONTH, submitted=rng.randint(0, 2))
        for i, u in enumerate(units)
        if i % 3
    )
    Article.objects.bulk_create(
        Article(
            unit=u,
            title=f"{u.name}政务公开工作动态",
            received_on=datetime.date(YEAR, MONTH, rng.randint(1, 28)),
            char_count=800,
            city_adopted_on=datetime.date(YEAR, MONTH, 28) if rng.random() < 0.1 else None,
        )
        for i, u in enumerate(units)
        if i % 3 == 0
        for _ in range(2)
    )


# --- Pages measured ------------------------------------------------------------------------------
# Each entry: (name in pages.json, function giving the URL to GET, function checking the response).


def check_ok(response, units: int) -> None:
    assert response.status_code == 200, response.status_code


def check_grid(response, units: int) -> None:
    check_ok(response, units)
    rows = response.content.count(b' id="unit-')
    assert rows == units, rows


PAGES: list[tuple[str, Callable[[], str], Callable]] = [
    ("grid", lambda: reverse("submissions:grid", args=[YEAR, MONTH]), check_grid),
    (
        "unit_dashboard",
        lambda: reverse("scoring:unit_quarter", args=[YEAR, (MONTH - 1) // 3 + 1, Unit.objects.order_by("pk")[0].pk]),
        check_ok,
    ),
]


def measure(client: Client, name: str, url: str, check: Callable, units: int) -> dict:
    timings = []
    queries = 0
    size = 0
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        queries = len(ctx.captured_queries)
        size = len(response.content)
        check(response, units)
    best = min(timings)
    print(f"{name}: {units}个单位，最快{best * 1000:.0f}毫秒，{queries}次数据库查询，页面{size // 1024}KB")
    return {
        "units": units,
        "seconds_best_of_3": round(best, 4),
        "queries": queries,
        "bytes": size,
        "database": connection.vendor,
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    Unit.objects.all().delete()
    staff = User.objects.create_user(username="bench-staff", role=User.Role.OFFICE_STAFF, display_name="基准测试")
    client = Client()
    client.force_login(staff)
    figures: dict = {name: {} for name, _, _ in PAGES}
    created = 0
    for size in SIZES:
        with transaction.atomic():
            populate(size - created, created)
        created = size
        for name, url, check in PAGES:
            figures[name][str(size)] = measure(client, name, url(), check, size)
    write_results("pages", figures)


if __name__ == "__main__":
    main()

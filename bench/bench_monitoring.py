"""Column freshness benchmark: crawling 70 units × 5 columns × 3 pages (1,050 listing pages, 20
items each, the pager drawn by a TRS createPageHTML script) from a fixture site on the loopback,
with the politeness delay set to 0, then recording the run (readings, snapshots, proposals).
Goal: under 60 s.

Runs on a throw-away SQLite database (or the one DATABASE_URL names). Writes
bench/results/monitoring.json.

    .venv/bin/python bench/bench_monitoring.py
"""

import datetime
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import write_results
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring.models import Column, CountProposal, CrawlRun, FindingProposal, PageSnapshot
from monitoring.runs import crawl, json_rows
from tests.monitoring.fixture_site import FixtureSite
from units.models import Unit

UNITS, COLUMNS, PAGES, ITEMS = 70, 5, 3, 20
GOAL_SECONDS = 60
AS_OF = datetime.date(2024, 7, 1)


def page(unit: int, column: int, number: int) -> str:
    start = datetime.date(2024, 6, 28) - datetime.timedelta(days=column * 40)
    items = []
    for i in range(ITEMS):
        day = start - datetime.timedelta(days=(number * ITEMS + i) * 3)
        items.append(
            f'<li><a href="./{day:%Y%m}/t{day:%Y%m%d}_{number}{i}.html" title="单位{unit}栏目{column}第{number}页第{i}条">'
            f"单位{unit}栏目{column}第{number}页第{i}条</a><span>{day:%Y-%m-%d}</span></li>"
        )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目</title></head><body>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政务公开</div>'
        '<div class="left"><ul><li><a href="/a/">政策文件</a></li><li><a href="/b/">政策解读</a></li></ul></div>'
        f'<div class="list"><ul>{"".join(items)}</ul>'
        f'<script>createPageHTML({PAGES}, {number}, "index", "html");</script></div>'
        '<div class="footer">网站更新时间：2024-07-01 版权所有 © 2024</div></body></html>'
    )


def build_site(root: Path) -> None:
    for unit in range(UNITS):
        for column in range(COLUMNS):
            folder = root / f"u{unit}" / f"c{column}"
            folder.mkdir(parents=True)
            for number in range(PAGES):
                name = "index.html" if number == 0 else f"index_{number}.html"
                (folder / name).write_text(page(unit, column, number), encoding="utf-8")


def main() -> None:
    call_command("migrate", verbosity=0)
    settings.MONITORING_DELAY = 0
    settings.MONITORING_MAX_PAGES = PAGES + 2
    root = Path(tempfile.mkdtemp()) / "site"
    build_site(root)
    with FixtureSite(root) as site:
        units = Unit.objects.bulk_create(
            Unit(name=f"基准单位{i}", category="部门" if i % 5 else "镇街", sort_order=i) for i in range(UNITS)
        )
        Column.objects.bulk_create(
            Column(unit=unit, name=f"栏目{c}", url=site.url(f"/u{u}/c{c}/"), requirement="每季度", position=c)
            for u, unit in enumerate(units)
            for c in range(COLUMNS)
        )
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            run = crawl(as_of=AS_OF, trigger=CrawlRun.Trigger.COMMAND)
            seconds = time.perf_counter() - start
        rows = json_rows(run)
        requests = len(site.requests)
    figures = {
        "columns": len(rows),
        "pages_read": sum(r["pages"] for r in rows),
        "requests": requests,
        "items": sum(sum(r["months"].values()) for r in rows),
        "errors": sum(1 for r in rows if r["error"]),
        "stale": run.stale_count,
        "seconds": round(seconds, 2),
        "queries": len(queries),
        "snapshots": PageSnapshot.objects.count(),
        "finding_proposals": FindingProposal.objects.count(),
        "count_proposals": CountProposal.objects.count(),
        "goal_seconds": GOAL_SECONDS,
        "within_goal": seconds < GOAL_SECONDS,
    }
    print(
        f"栏目读取：{figures['columns']}个栏目、{figures['pages_read']}页、{figures['items']}条，"
        f"{figures['seconds']}秒（目标{GOAL_SECONDS}秒以内），{figures['queries']}次查询"
    )
    write_results("monitoring", figures)
    if not figures["within_goal"] or figures["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()

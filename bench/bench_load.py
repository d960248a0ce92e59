"""Load benchmark (``make bench-load``): the production stack on loopback under 16 connections.

gunicorn started as ``deploy/`` starts it (``scripts/serve.sh web``) on a throw-away PostgreSQL
database ``linzi_bench`` with 2,000 assessed units and a quarter of figures, a work plan and an
annual report year, Redis as the cache. Two runs, one after the other, in one sitting:

- the read run: wrk (Debian's package) sends requests over 16 keep-alive connections without think
  time, for each page in turn: the month grid, the ranked quarter table and a unit's dashboard
  (``LOAD_SECONDS`` per page, default 20);
- the mixed run (``mixed``): the three pages read at once (three wrk, 16 connections between them)
  for ``LOAD_SECONDS``, while writers save ``LOAD_WRITES`` a second (default 2) through the real
  forms with CSRF, spread over grid cells, articles, ledger entries and annual-report cells
  (bench/load_writers.py).

Figures (p50 / p95 / p99, throughput, errors; the writes' p95 and errors; the machine's load
average before and after each run) go to ``bench/results/load.json``. Goals: p95 under 300 ms for
every page and for the writes, no errors.

    make bench-load          (starts PostgreSQL and Redis with scripts/services.sh first)
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
UNITS = int(os.environ.get("LOAD_UNITS", "2000"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "20"))
WRITES = float(os.environ.get("LOAD_WRITES", "2"))
PASSWORD = "load-bench-password"
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "16"))
PORT = int(os.environ.get("LOAD_PORT", "8765"))
YEAR, QUARTER = 2024, 4
LUA = ROOT / "bench" / "load_report.lua"


def bench_database_url() -> str:
    """The services' PostgreSQL with the database ``linzi_bench`` (created when missing)."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("bench_load 需要 PostgreSQL：先运行 scripts/services.sh start，并导出 scripts/services.sh env 的变量")
    import psycopg2

    parts = urlsplit(base)
    conn = psycopg2.connect(base)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS linzi_bench")
        cursor.execute("CREATE DATABASE linzi_bench")
    conn.close()
    return urlunsplit(parts._replace(path="/linzi_bench"))


def populate(database_url: str) -> tuple[dict[str, str], dict]:
    """Migrate and fill the bench database; returns the session cookies of a clerk and a unit user,
    and what the writers of the mixed run write to."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linzi_gk.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from annual_reports.services import report_year_open
    from inspections.models import Deduction
    from submissions.models import MonthlyArticleTally, MonthlyPublication
    from tests.workplans.helpers import make_plan, make_task
    from units.models import Unit, User

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as scripts/serve.sh prepare does
    rng = random.Random(2000)
    with transaction.atomic():
        Unit.objects.all().delete()
        units = Unit.objects.bulk_create(
            Unit(name=f"基准单位{i:04d}", category="部门" if i % 5 else "镇街", sort_order=i) for i in range(UNITS)
        )
        for month in (10, 11, 12):
            MonthlyPublication.objects.bulk_create(
                MonthlyPublication(unit=u, year=YEAR, month=month, count=rng.randint(0, 20)) for u in units
            )
            MonthlyArticleTally.objects.bulk_create(  # every fourth unit registers its articles one by one
                MonthlyArticleTally(unit=u, year=YEAR, month=month, submitted=rng.randint(0, 2))
                for i, u in enumerate(units)
                if i % 4
            )
        Deduction.objects.bulk_create(
            Deduction(unit=u, year=YEAR, quarter=QUARTER, reason="栏目更新不及时", points="0.5") for u in units[::7]
        )
        staff = User.objects.create_user(
            username="load-staff", password=PASSWORD, role=User.Role.OFFICE_STAFF, display_name="压测"
        )
        unit_user = User.objects.create_user(username="load-unit", role=User.Role.UNIT_USER, unit=units[1])
        User.objects.create_user(username="load-writer", password=PASSWORD, role=User.Role.UNIT_USER, unit=units[3])
        task = make_task(make_plan(YEAR), 1, [units[3]], time_limit="按季度公开")
        report_year_open(year=YEAR, acting_user=staff)
    plan = {
        "year": YEAR,
        "month": 12,
        "article_units": [u.pk for u in units[::4]],
        "writer_unit": units[3].pk,
        "task": task.pk,
        "staff": ("load-staff", PASSWORD),
        "unit_user": ("load-writer", PASSWORD),
    }
    cookies = {}
    for name, user in (("staff", staff), ("unit", unit_user)):
        client = Client()
        client.force_login(user)
        cookies[name] = f"sessionid={client.cookies['sessionid'].value}"
    cookies["unit_id"] = str(units[1].pk)
    return cookies, plan


def start_gunicorn(database_url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    process = subprocess.Popen([str(ROOT / "scripts" / "serve.sh"), "web"], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("gunicorn 没有启动")


def fetch(path: str, cookie: str) -> tuple[int, int]:
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, len(response.read())


def wrk(path: str, cookie: str, connections: int = CONNECTIONS, threads: int = 2) -> dict:
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{SECONDS}s", "--timeout", "10s",
         "-H", f"Cookie: {cookie}", "-s", str(LUA), f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True, text=True, check=True, timeout=SECONDS + 60,
    )  # fmt: skip
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    figures = json.loads(line)
    seconds = figures.pop("duration_us") / 1e6
    return {
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "max_ms": round(figures["max_us"] / 1000, 1),
        "requests_per_second": round(figures["requests"] / seconds, 1),
        "requests": figures["requests"],
        "errors": figures["errors"],
        "non_2xx": figures["non2xx"],
    }


def descendants(pid: int) -> list[int]:
    """The processes started under ``pid`` (gunicorn's master and workers under serve.sh)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            children = [int(c) for c in task.read_text().split()]
            found += children
            todo += children
    return found


def server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU time (user and system) the web server's processes have used so far, those still running."""
    total = 0
    for pid in [server.pid, *descendants(server.pid)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load_average() -> list[float]:
    """The machine's load average (1, 5, 15 minutes), as ``uptime`` shows it."""
    return [round(x, 2) for x in os.getloadavg()]


def print_page(name: str, result: dict) -> None:
    print(
        f"  {name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, "
        f"{result['requests_per_second']} 次/秒, 错误 {result['errors'] + result['non_2xx']}"
        + (f", 服务器 CPU {result['server_cpu_ms_per_request']} ms/次" if "server_cpu_ms_per_request" in result else "")
    )


def read_run(pages: dict, server: subprocess.Popen) -> dict:
    """Each page in turn under all connections."""
    figures = {"load_average_before": load_average(), "pages": {}}
    for name, (path, cookie) in pages.items():
        status, size = fetch(path, cookie)  # first request: computes and caches
        assert status == 200, (name, status)
        cpu = server_cpu_seconds(server)
        result = wrk(path, cookie)
        result["server_cpu_ms_per_request"] = round((server_cpu_seconds(server) - cpu) * 1000 / result["requests"], 2)
        result["bytes"] = size
        result["path"] = path
        figures["pages"][name] = result
        print_page(name, result)
    figures["load_average_after"] = load_average()
    return figures


def count_ledger_rows(writers) -> None:
    """The ledger page answers every add with a redirect (a refused one too, its reasons kept for
    the page): the writes the database does not hold are errors."""
    from load_writers import LEDGER_MEASURE

    from workplans.models import LedgerRow

    held = LedgerRow.objects.filter(measure__startswith=LEDGER_MEASURE).count()
    answered = [o for o in writers.outcomes if o.kind == "ledger" and not o.error]
    for outcome in answered[held:]:
        outcome.error = "not in the database"


def mixed_run(pages: dict, plan: dict, server: subprocess.Popen) -> dict:
    """The three pages read at once (the connections shared between them) while writers save."""
    from load_writers import Plan, Writers, report

    writers = Writers(Plan(**plan), f"http://127.0.0.1:{PORT}")
    shares = [CONNECTIONS // 3 + (1 if i < CONNECTIONS % 3 else 0) for i in range(3)]
    figures: dict = {"load_average_before": load_average(), "writes_per_second_asked": WRITES, "pages": {}}

    def read(name: str, path: str, cookie: str, connections: int) -> None:
        figures["pages"][name] = {**wrk(path, cookie, connections, threads=1), "path": path, "connections": connections}

    readers = [
        threading.Thread(target=read, args=(name, path, cookie, share))
        for (name, (path, cookie)), share in zip(pages.items(), shares, strict=True)
    ]
    cpu = server_cpu_seconds(server)
    for thread in readers:
        thread.start()
    writers.run(SECONDS, WRITES)
    for thread in readers:
        thread.join()
    count_ledger_rows(writers)
    figures["writes"] = report(writers.outcomes, SECONDS)
    requests = sum(page["requests"] for page in figures["pages"].values()) + 2 * figures["writes"]["writes"]
    figures["server_cpu_ms_per_request"] = round((server_cpu_seconds(server) - cpu) * 1000 / requests, 2)
    figures["load_average_after"] = load_average()
    for name, result in figures["pages"].items():
        print_page(name, result)
    w = figures["writes"]
    print(
        f"  写入：{w['writes']}次（{w['writes_per_second']}次/秒），p95 {w['p95_ms']} ms，错误 {w['errors'] + w['non_2xx']}"
    )
    return figures


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("找不到 wrk：make bench-load 会安装它（apt-get install wrk）")
    database_url = bench_database_url()
    started = time.perf_counter()
    cookies, plan = populate(database_url)
    print(f"{UNITS}个单位的数据已生成（{time.perf_counter() - started:.1f}秒）")
    pages = {
        "month_grid": (f"/data/grid/{YEAR}/12/", cookies["staff"]),
        "quarter_table": (f"/scores/{YEAR}/q{QUARTER}/", cookies["staff"]),
        "unit_dashboard": (f"/scores/{YEAR}/q{QUARTER}/units/{cookies['unit_id']}/", cookies["unit"]),
    }
    server = start_gunicorn(database_url)
    figures: dict = {
        "units": UNITS,
        "connections": CONNECTIONS,
        "seconds_per_page": SECONDS,
        "cpu_count": os.cpu_count(),
        "gunicorn_workers": int(os.environ.get("GUNICORN_WORKERS", str((os.cpu_count() or 1) + 1))),
        "database": "postgresql",
        "cache": "redis" if os.environ.get("REDIS_URL") else "file",
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    try:
        print("只读：")
        read = read_run(pages, server)
        figures["pages"] = read.pop("pages")
        figures["load_average"] = read
        print(f"读写同时（每秒写入{WRITES:g}次）：")
        figures["mixed"] = mixed_run(pages, plan, server)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    out = ROOT / "bench" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"结果已写入 {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

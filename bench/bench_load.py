"""Load benchmark (``make bench-load``): the production stack on loopback under 16 connections.

gunicorn started as ``deploy/`` starts it (``scripts/serve.sh web``) on a throw-away PostgreSQL
database ``linzi_bench`` with 2,000 assessed units and a quarter of figures, Redis as the cache;
wrk (Debian's package) sends requests over 16 keep-alive connections without think time, for each
page in turn: the month grid, the ranked quarter table and a unit's dashboard. Bounded in time
(``LOAD_SECONDS`` per page, default 20). Figures (p50 / p95 / p99, throughput, errors) go to
``bench/results/load.json``; the goal is p95 under 300 ms with no errors.

    make bench-load          (starts PostgreSQL and Redis with scripts/services.sh first)
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
UNITS = int(os.environ.get("LOAD_UNITS", "2000"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "20"))
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


def populate(database_url: str) -> dict[str, str]:
    """Migrate and fill the bench database; returns the session cookies of a clerk and a unit user."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linzi_gk.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from inspections.models import Deduction
    from submissions.models import MonthlyArticleTally, MonthlyPublication
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
            MonthlyArticleTally.objects.bulk_create(
                MonthlyArticleTally(unit=u, year=YEAR, month=month, submitted=rng.randint(0, 2)) for u in units
            )
        Deduction.objects.bulk_create(
            Deduction(unit=u, year=YEAR, quarter=QUARTER, reason="栏目更新不及时", points="0.5") for u in units[::7]
        )
        staff = User.objects.create_user(username="load-staff", role=User.Role.OFFICE_STAFF, display_name="压测")
        unit_user = User.objects.create_user(username="load-unit", role=User.Role.UNIT_USER, unit=units[1])
    cookies = {}
    for name, user in (("staff", staff), ("unit", unit_user)):
        client = Client()
        client.force_login(user)
        cookies[name] = f"sessionid={client.cookies['sessionid'].value}"
    cookies["unit_id"] = str(units[1].pk)
    return cookies


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


def wrk(path: str, cookie: str) -> dict:
    result = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{SECONDS}s", "--timeout", "10s",
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


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("找不到 wrk：make bench-load 会安装它（apt-get install wrk）")
    database_url = bench_database_url()
    started = time.perf_counter()
    cookies = populate(database_url)
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
        "gunicorn_workers": int(os.environ.get("GUNICORN_WORKERS", str((os.cpu_count() or 1) * 2 + 1))),
        "database": "postgresql",
        "cache": "redis" if os.environ.get("REDIS_URL") else "file",
        "pages": {},
    }
    try:
        for name, (path, cookie) in pages.items():
            status, size = fetch(path, cookie)  # first request: computes and caches
            assert status == 200, (name, status)
            result = wrk(path, cookie)
            result["bytes"] = size
            result["path"] = path
            figures["pages"][name] = result
            print(
                f"{name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, "
                f"{result['requests_per_second']} 次/秒, 错误 {result['errors'] + result['non_2xx']}, 页面 {size // 1024} KB"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    out = ROOT / "bench" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"结果已写入 {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

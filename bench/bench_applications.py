"""Benchmark of the 依申请公开 register: tables 三 and 四 computed from 10,000 applications, and the
import of a sheet of 9,999 rows (the most a sheet may have, with its header) (every check and due date, then one writing transaction).

Populates a throw-away database (see benchenv.py) with one unit's 10,000 applications received
over 2023–2025 (every applicant type and outcome, 补正, extensions, consultations, a tenth carried
into the next year, one in twenty appealed), then times (best of 3) the tables of 2024 with their
queries, and the import of the same register as a sheet (dry run and commit) into another unit;
writes bench/results/applications.json. Target: the tables in under 1 s.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime
import io
import random

from benchenv import write_results
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from applications.catalogue import APPLICANT_TYPES, OUTCOMES
from applications.deadlines import due_date
from applications.models import Appeal, Application
from applications.services import applications_import
from applications.tables import unit_tables
from core.imports import MAX_ROWS
from units.models import Unit

APPLICATIONS = 10_000
TARGET_SECONDS = 1.0
CHANNELS = ("in_person", "post", "online", "fax")
START = datetime.date(2023, 1, 1)


def generated(rng: random.Random) -> list[dict]:
    rows = []
    for _ in range(APPLICATIONS):
        received = START + datetime.timedelta(days=rng.randrange(3 * 365))
        corrected = received + datetime.timedelta(days=rng.randint(3, 20)) if rng.random() < 0.1 else None
        extension = 20 if rng.random() < 0.1 else None
        consultation = rng.randint(3, 15) if rng.random() < 0.05 else 0
        due = due_date(
            received_on=received, corrected_on=corrected, extension_days=extension, consultation_days=consultation
        )
        answered = (
            None
            if rng.random() < 0.1
            else min(due + datetime.timedelta(days=rng.randint(-25, 5)), due + datetime.timedelta(days=5))
        )
        if answered is not None and answered < (corrected or received):
            answered = corrected or received
        rows.append(
            {
                "received_on": received,
                "channel": rng.choice(CHANNELS),
                "applicant_type": rng.choice(APPLICANT_TYPES)[0],
                "content": f"申请公开第{rng.randrange(10**6)}号文件",
                "correction_requested_on": corrected - datetime.timedelta(days=2) if corrected else None,
                "corrected_on": corrected,
                "extension_days": extension,
                "consultation": consultation,
                "due_on": due,
                "answered_on": answered,
                "outcome": rng.choice(OUTCOMES).key if answered else "",
                "appeal": rng.random() < 0.05 and answered is not None,
            }
        )
    return rows


def populate(unit: Unit, rows: list[dict]) -> None:
    applications = Application.objects.bulk_create(
        Application(
            unit=unit,
            status="answered" if r["answered_on"] else "open",
            **{k: v for k, v in r.items() if k not in ("consultation", "appeal")},
        )
        for r in rows
    )
    Appeal.objects.bulk_create(
        Appeal(
            application=a,
            kind=random.Random(i).choice(["review", "direct", "after"]),
            filed_on=r["answered_on"] + datetime.timedelta(days=30),
        )
        for i, (a, r) in enumerate(zip(applications, rows, strict=True))
        if r["appeal"]
    )


def sheet(rows: list[dict]) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.append(
        [
            "收到日期",
            "提交方式",
            "申请人类型",
            "申请内容",
            "补正告知日期",
            "补正收到日期",
            "延期",
            "征求意见天数",
            "答复日期",
            "处理结果",
            "复议诉讼",
            "复议诉讼结果",
        ]
    )
    channel = {"in_person": "当面", "post": "邮寄", "online": "网络", "fax": "传真"}
    kinds = dict(APPLICANT_TYPES)
    outcome = {o.key: o.short for o in OUTCOMES}
    for r in rows:
        ws.append([
            r["received_on"], channel[r["channel"]], kinds[r["applicant_type"]], r["content"],
            r["correction_requested_on"], r["corrected_on"], "是" if r["extension_days"] else None,
            r["consultation"] or None, r["answered_on"], outcome.get(r["outcome"]), None, None,
        ])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def best_of_3(work):
    timings, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def main() -> None:
    call_command("migrate", verbosity=0)
    rows = generated(random.Random(19))
    unit, other = (
        Unit.objects.create(name="基准单位", category="部门"),
        Unit.objects.create(name="导入单位", category="部门"),
    )
    with transaction.atomic():
        populate(unit, rows)
    tables_s, tables = best_of_3(lambda: unit_tables(unit, 2024))
    with CaptureQueriesContext(connection) as captured:
        unit_tables(unit, 2024)
    values = tables.values
    balanced = values["new.total"] + values["carried.total"] == values["answered.total"] + values["pending.total"]
    imported_rows = rows[: MAX_ROWS - 1]  # a sheet holds at most MAX_ROWS rows, its header included
    data = sheet(imported_rows)
    started = time.perf_counter()
    applications_import(source=io.BytesIO(data), unit=other, dry_run=True)
    dry_s = time.perf_counter() - started
    started = time.perf_counter()
    result = applications_import(source=io.BytesIO(data), unit=other)
    commit_s = time.perf_counter() - started
    imported = unit_tables(other, 2024).values
    figures = {
        "applications": APPLICATIONS,
        "tables_seconds_best_of_3": round(tables_s, 3),
        "tables_queries": len(captured),
        "tables_2024_received": values["new.total"],
        "tables_2024_carried": values["carried.total"],
        "tables_2024_answered": values["answered.total"],
        "tables_2024_pending": values["pending.total"],
        "tables_balance_holds": balanced,
        "import_rows": len(imported_rows),
        "import_dry_run_seconds": round(dry_s, 2),
        "import_commit_seconds": round(commit_s, 2),
        "import_created": result.count("新增"),
        "imported_2024_received": imported["new.total"],
        "imported_2024_balance_holds": imported["new.total"] + imported["carried.total"]
        == imported["answered.total"] + imported["pending.total"],
        "target_seconds": TARGET_SECONDS,
    }
    verdict = "达标" if tables_s < TARGET_SECONDS else f"超过目标{TARGET_SECONDS}秒"
    print(
        f"依申请公开：由{APPLICATIONS}件申请计算2024年表三、表四{tables_s:.3f}秒/{len(captured)}次查询（{verdict}）；"
        f"导入{len(imported_rows)}行：试运行{dry_s:.1f}秒，写入{commit_s:.1f}秒"
    )
    write_results("applications", figures)


if __name__ == "__main__":
    main()

"""Benchmark of the annual report's Word import: 70 units' whole reports (.docx, about 7,000
characters of text and the three tables each, in the shapes units fill the template in: merged or
blank label cells, 二 as one table or four, zeros blank or written, notes between the tables,
signatures, a picture) imported one after the other as the command does (read, parse, every check,
the text warnings against last year's report, the write), then the same files as dry runs; and the
refusal of crafted files (a zip bomb, a DTD with entities, thousands of members, nesting too deep).

Writes bench/results/annual_word.json. Targets: the 70 imports under 10 s in all; every crafted
file refused in under 1 s.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime
import io
import random
import zipfile

from benchenv import write_results
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from annual_reports.layout import OUTCOME_ROWS, PARTIES, encode, typed_keys
from annual_reports.models import AnnualReport, ReportYear
from annual_reports.services import annual_report_import
from core.imports import ImportRejected
from tests.annual_reports.word_docs import HEADINGS, Style, build_report, seed_002_texts, with_document
from units.models import Unit

UNITS = 70
TARGETS = {"import_all": 10.0, "refusal": 1.0}


def balanced(rng: random.Random) -> dict:
    values = dict.fromkeys(typed_keys(), 0)
    for column in PARTIES[:2]:
        new = rng.randint(0, 12)
        for _ in range(new):
            values[f"{rng.choice(OUTCOME_ROWS).key}.{column.key}"] += 1
        values[f"new.{column.key}"] = new
    values.update({"normative.issued": rng.randint(0, 3), "normative.in_force": rng.randint(3, 20)})
    values["licensing.decisions"] = rng.randint(0, 900)
    return values


def style(index: int, name: str) -> Style:
    rng = random.Random(index)
    return Style(
        title=(f"临淄{name}2024年政府信息公开工作", "年度报告")
        if index % 2
        else (f"临淄{name}2024年政府信息公开工作年度报告",),
        headings={**HEADINGS, 4: "四、因政府信息公开申请行政复议、提起行政诉讼的情况"}
        if index % 3 == 0
        else dict(HEADINGS),
        inline=index % 2 == 0,
        half_width=rng.random() < 0.5,
        active_split=rng.random() < 0.5,
        merged_labels=rng.random() < 0.7,
        blank_zeros=rng.random() < 0.3,
        notes={"requests": "（单位：件）"} if index % 4 == 0 else {},
        signature=(f"临淄{name}", "2025年1月20日"),
        picture=index % 5 == 0,
    )


def populate() -> list[tuple[Unit, bytes]]:
    ReportYear.objects.create(
        year=2023, unit_deadline=datetime.date(2024, 1, 31), district_deadline=datetime.date(2024, 3, 31)
    )
    year = ReportYear.objects.create(
        year=2024, unit_deadline=datetime.date(2025, 1, 31), district_deadline=datetime.date(2025, 3, 31)
    )
    units = Unit.objects.bulk_create(Unit(name=f"基准单位{i}", category="部门", sort_order=i) for i in range(UNITS))
    last = ReportYear.objects.get(year=2023)
    AnnualReport.objects.bulk_create(
        AnnualReport(report_year=last, unit=u, title="上年报告", status=AnnualReport.Status.FINALISED,
                     figures=encode(balanced(random.Random(1000 + i))))
        for i, u in enumerate(units)
    )  # fmt: skip
    texts = seed_002_texts()
    files = []
    for index, unit in enumerate(units):
        values = balanced(random.Random(index))
        own = {**texts, "overview": f"2024年，{unit.name}认真贯彻落实政务公开各项要求。" + texts["overview"]}
        files.append((unit, build_report(values, own, style(index, unit.name))))
    assert year.year == 2024
    return files


def import_all(files, *, dry_run: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the machine may be shared: the CPU time is this process's own)."""
    started, cpu = time.perf_counter(), time.process_time()
    for unit, data in files:
        annual_report_import(source=io.BytesIO(data), year=2024, unit=unit, dry_run=dry_run, filename="报告.docx")
    return time.perf_counter() - started, time.process_time() - cpu


def crafted() -> dict[str, bytes]:
    base = files_for_crafting()
    bomb, many, dtd, deep = io.BytesIO(), io.BytesIO(), io.BytesIO(), io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(base))
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>'
    nested = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "<w:sdt><w:sdtContent>" * 5000
        + "</w:sdtContent></w:sdt>" * 5000
        + "</w:body></w:document>"
    ).encode()
    for target, replace in ((bomb, None), (many, None), (dtd, laughs), (deep, nested)):
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "word/document.xml" and target is bomb:
                    with out.open(item.filename, "w") as member:
                        for _ in range(256):
                            member.write(b" " * (1 << 20))
                    continue
                out.writestr(item.filename, replace if replace and item.filename == "word/document.xml" else content)
            if target is many:
                for n in range(60_000):
                    out.writestr(f"customXml/x{n}.xml", b"")
    rng = random.Random(2)
    letters = list("总体情况主动公开政府信息存在的主要问题及改进其他需要报告事项")
    near = "".join(f"<w:p><w:r><w:t>一、{''.join(rng.choices(letters, k=10))}</w:t></w:r></w:p>" for _ in range(15000))
    headings = with_document(base, nested.split(b"<w:body>")[0] + f"<w:body>{near}</w:body></w:document>".encode())
    return {"zip_bomb_256MB": bomb.getvalue(), "60000_members": many.getvalue(), "dtd_entities": dtd.getvalue(),
            "nesting_5000_deep": deep.getvalue(), "15000_near_headings": headings}  # fmt: skip


def files_for_crafting() -> bytes:
    return build_report(balanced(random.Random(7)), seed_002_texts(), Style())


def refusal_seconds(data: bytes) -> float:
    unit = Unit.objects.first()
    started = time.perf_counter()
    try:
        annual_report_import(source=io.BytesIO(data), year=2024, unit=unit, dry_run=True)
    except ImportRejected:
        return time.perf_counter() - started
    raise AssertionError("a crafted file was not refused")


def main() -> None:
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        files = populate()
    dry_s, _ = import_all(files, dry_run=True)
    with CaptureQueriesContext(connection) as captured:
        import_s, import_cpu = import_all(files, dry_run=False)
    again_s, _ = import_all(files, dry_run=False)
    refusals = {name: round(refusal_seconds(data), 3) for name, data in crafted().items()}
    stored = AnnualReport.objects.filter(report_year__year=2024).count()
    figures = {
        "units": UNITS,
        "docx_bytes_average": sum(len(d) for _, d in files) // UNITS,
        "import_all_seconds": round(import_s, 3),
        "import_all_cpu_seconds": round(import_cpu, 3),
        "import_queries_per_report": round(len(captured) / UNITS, 1),
        "import_again_seconds": round(again_s, 3),
        "dry_run_all_seconds": round(dry_s, 3),
        "reports_stored": stored,
        "refusal_seconds": refusals,
        "targets_seconds": TARGETS,
    }
    verdict = "达标" if import_s < TARGETS["import_all"] else f"超过目标{TARGETS['import_all']}秒"
    slowest = max(refusals.values())
    refusal_verdict = "达标" if slowest < TARGETS["refusal"] else f"超过目标{TARGETS['refusal']}秒"
    print(
        f"Word年度报告导入（{UNITS}份，平均{figures['docx_bytes_average'] // 1024}KB）：导入{import_s:.2f}秒（CPU {import_cpu:.2f}秒）"
        f"（每份{len(captured) / UNITS:.0f}次查询，{verdict}），再次导入{again_s:.2f}秒，试运行{dry_s:.2f}秒；"
        f"恶意构造文件拒绝最慢{slowest:.3f}秒（{refusal_verdict}）"
    )
    write_results("annual_word", figures)


if __name__ == "__main__":
    main()

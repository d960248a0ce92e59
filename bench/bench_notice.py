"""Benchmark of the real quarterly notice, exported as the office exports it: ``manage.py
export_notice`` run end to end in a process of its own, as a clerk's command or a job would.

A throw-away database holds the district's real units and the 2020 Q3 quarter of seed 001 keyed in
through the imports (tests/notices/seeds.py: the 70 assessed units, four attachments: both
statistics tables, the submissions table and the 减分 sentences); larger documents are measured
in-process by bench_pdf.py.
Each export is timed from process start to exit, and so is the same process doing nothing but
start-up (``export_notice --help``: Python, Django, the command's imports); the figure is the
difference ("beyond start-up"), best of ``--runs`` (default 5), in one process
(``LINZI_PDF_WORKERS=1``) and laid out in parallel (``LINZI_PDF_WORKERS=2``, this machine's two
cores). The machine's load average is recorded alongside: other work on the cores slows every
figure. Writes bench/results/notice.json.

Goals for the 70-unit notice: under 1.2 s beyond start-up in one process, under 0.8 s in parallel.

Also measured, for comparison: the same notice made again and again in one long-lived process, as a
job worker (Celery, or the web process running jobs eagerly) makes it: data, scores and PDF, the
first one (WeasyPrint imported, fonts loaded, the layout workers started) left out.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import ROOT, write_results
from django.core.management import call_command

GOALS = {"one process": 1.2, "parallel": 0.8}
RUNS = int(os.environ.get("NOTICE_RUNS", "5"))


def quarter_2020q3() -> None:
    """The real units and seed 001's quarter, keyed in as a clerk would (imports)."""
    from tests.conftest import make_xlsx
    from tests.notices.seeds import world_2020q3
    from units.models import User
    from units.services import units_sync_from_csv

    units_sync_from_csv()
    staff = User.objects.create_user(username="bench-staff", role=User.Role.OFFICE_STAFF, display_name="基准")
    folder = Path(tempfile.mkdtemp())

    def xlsx_file(rows, name="data.xlsx"):
        path = folder / name
        path.write_bytes(make_xlsx(rows))
        return path

    world_2020q3(staff, xlsx_file)


def timed(args: list[str], workers: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the process and its children) of ``manage.py args``."""
    env = {**os.environ, "LINZI_PDF_WORKERS": str(workers)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(year: int, quarter: int, workers: int, output: Path) -> dict:
    export = ["export_notice", "--year", str(year), "--quarter", str(quarter), "--format", "pdf"]
    beyond, cpu = [], []
    for _ in range(RUNS):
        start_wall, start_cpu = timed([*export, "--output", str(output), "--help"], workers)
        wall, used = timed([*export, "--output", str(output)], workers)
        beyond.append(wall - start_wall)
        cpu.append(used - start_cpu)
    from reports.pdf import pdf_page_count

    content = output.read_bytes()
    return {
        "workers": workers,
        "seconds_beyond_start_up_best": round(min(beyond), 3),
        "seconds_beyond_start_up_median": round(statistics.median(beyond), 3),
        "cpu_seconds_beyond_start_up_median": round(statistics.median(cpu), 3),
        "start_up_seconds": round(start_wall, 3),
        "pages": pdf_page_count(content),
        "bytes": len(content),
    }


def in_a_long_lived_process(year: int, quarter: int, workers: int) -> dict:
    """The notice made ``RUNS`` times in this process after a first one, as a job worker makes it."""
    from reports.drafting import draft_notice
    from reports.notice_data import build_notice_data
    from reports.pdf import notice_pdf

    os.environ["LINZI_PDF_WORKERS"] = str(workers)
    seconds = []
    for _ in range(RUNS + 1):
        started = time.perf_counter()
        notice_pdf(build_notice_data(draft_notice(year=year, quarter=quarter)), draft=True)
        seconds.append(time.perf_counter() - started)
    return {
        "workers": workers,
        "seconds_best": round(min(seconds[1:]), 3),
        "seconds_median": round(statistics.median(seconds[1:]), 3),
        "first_seconds": round(seconds[0], 3),
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    quarter_2020q3()
    output = Path(tempfile.mkdtemp()) / "通报.pdf"
    figures: dict = {"runs": RUNS, "cpu_count": os.cpu_count(), "load_average_before": list(os.getloadavg())}
    for label, workers in (("one process", 1), ("parallel", 2)):
        result = measure(2020, 3, workers, output)
        result["goal_seconds"] = GOALS[label]
        figures[f"70 units, {label}"] = result
        verdict = "达标" if result["seconds_beyond_start_up_best"] < GOALS[label] else f"未达到目标{GOALS[label]}秒"
        print(
            f"季度通报 export_notice（70个单位，{'单进程' if workers == 1 else '并行'}）：启动之外最快"
            f"{result['seconds_beyond_start_up_best']:.2f}秒，中位{result['seconds_beyond_start_up_median']:.2f}秒，"
            f"{result['pages']}页（{verdict}）"
        )
    for label, workers in (("one process", 1), ("parallel", 2)):
        result = in_a_long_lived_process(2020, 3, workers)
        figures[f"70 units, {label}, long-lived process"] = result
        print(
            f"季度通报（70个单位，{'单进程' if workers == 1 else '并行'}，长期运行的进程中再次生成，如后台任务）："
            f"最快{result['seconds_best']:.2f}秒，中位{result['seconds_median']:.2f}秒"
        )
    figures["load_average_after"] = list(os.getloadavg())
    write_results("notice", figures)


if __name__ == "__main__":
    main()

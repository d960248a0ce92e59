"""Benchmark of the official-document PDF engine (core.pdf).

    python bench/bench_pdf.py [--runs 3] [--units 70 500]

Renders the synthetic quarterly notice of ``tests.pdf_sample`` (body of about a page, statistics
tables of 部门 and 镇街 with merged headers, the submissions table on landscape pages, one 减分
sentence per unit, 检查情况 findings) for 70 and 500 units, best of N runs, and writes
the figures to ``bench/results/pdf.json``. It is heavier than the real notice (bench_notice.py,
which holds the targets 70 units < 1.5 s, 500 units < 8 s): a stress figure for the engine.

``cpu_calibration_s`` is the time of a fixed pure-Python loop measured alongside: the machine's
speed varies (shared cores), so compare figures relative to it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def calibrate() -> float:
    """Seconds for 5 million iterations of a pure-Python loop (≈0.3 s on a quiet modern core)."""
    started = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return round(time.perf_counter() - started, 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--units", type=int, nargs="+", default=[70, 500])
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "pdf.json")
    parser.add_argument("--save-pdf", type=Path, help="folder to write the rendered notices to")
    args = parser.parse_args()

    import weasyprint
    from pypdf import PdfReader

    from core.pdf import fonts, render_pdf
    from core.pdf.render import harfbuzz_subsetting
    from tests.pdf_sample import sample_notice

    if not fonts.fonts_available():
        print(f"fonts not built in {fonts.font_dir()}: run scripts/install_fonts.sh", file=sys.stderr)
        return 1
    faces = fonts.resolve_fonts()
    render_pdf(sample_notice(5))  # warm up: font registration, caches

    results = []
    for units in args.units:
        doc = sample_notice(units)
        times, pdf = [], b""
        calibration = calibrate()
        for _ in range(args.runs):
            started = time.perf_counter()
            pdf = render_pdf(doc)
            times.append(time.perf_counter() - started)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        best = min(times)
        results.append(
            {
                "units": units,
                "seconds": round(best, 3),
                "all_seconds": [round(t, 3) for t in times],
                "pages": pages,
                "bytes": len(pdf),
                "cpu_calibration_s": calibration,
            }
        )
        print(
            f"{units:4d} units: {best:6.2f} s  {pages:3d} pages  {len(pdf) // 1024:5d} KiB  "
            f"(runs {', '.join(f'{t:.2f}' for t in times)}; calibration {calibration:.2f} s)",
            flush=True,
        )
        if args.save_pdf:
            args.save_pdf.mkdir(parents=True, exist_ok=True)
            (args.save_pdf / f"notice-{units}.pdf").write_bytes(pdf)

    report = {
        "benchmark": "core.pdf render_pdf (parallel runs for a large document), synthetic notice (tests/pdf_sample.py)",
        "best_of": args.runs,
        "results": results,
        "environment": {
            "python": platform.python_version(),
            "weasyprint": weasyprint.__version__,
            "harfbuzz_subset": harfbuzz_subsetting(),
            "cpu_count": os.cpu_count(),
            "fonts": {role: f"{face.name} ({face.origin})" for role, face in faces.items()},
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

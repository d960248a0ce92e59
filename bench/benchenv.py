"""Imported first by every benchmark: a throw-away SQLite database (or the one DATABASE_URL
names) so a benchmark never touches real data, Django set up, and a helper to save figures."""

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linzi_gk.settings")

import django  # noqa: E402

django.setup()


def write_results(name: str, figures: dict) -> None:
    out = ROOT / "bench" / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"结果已写入 {out.relative_to(ROOT)}")

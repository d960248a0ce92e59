import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.jobs import record_scheduled_run
from monitoring.crawler.dates import normalize
from monitoring.models import CrawlRun
from monitoring.runs import crawl, json_rows, summary
from monitoring.tasks import CRAWL
from units.selectors import UnitNotFound, resolve_unit


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(normalize(text).strip())
    except ValueError as exc:
        raise CommandError(f"日期“{text}”无效，请按2024-07-01的格式填写") from exc


class Command(BaseCommand):
    help = "读取监测栏目的页面，判断是否按期更新，列出每月条数（同定时任务“栏目更新监测”）。"

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="只读取这个单位的栏目（单位名称或别名）")
        parser.add_argument("--json", action="store_true", help="输出JSON：每个栏目一个对象")
        parser.add_argument("--as-of", help="按这一天判断是否按期更新（默认今天），如2024-07-01")

    def handle(self, *args, **options):
        as_of = _date(options["as_of"]) if options["as_of"] else timezone.localdate()
        unit = None
        if options["unit"]:
            try:
                unit = resolve_unit(options["unit"])
            except UnitNotFound as exc:
                raise CommandError(str(exc)) from exc
        done = {}

        def run() -> str:
            done["run"] = crawl(as_of=as_of, trigger=CrawlRun.Trigger.COMMAND, unit=unit, progress=self._progress)
            return summary(done["run"])

        record_scheduled_run(kind=CRAWL.kind, label=CRAWL.label, run=run)
        rows = json_rows(done["run"])
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        for row in rows:
            state = row["error"] or ("未按期更新" if row["stale"] else "按期更新")
            self.stdout.write(f"{row['unit']} {row['column']}：最近更新{row['latest'] or '—'}，{state}")
        self.stdout.write(summary(done["run"]))

    def _progress(self, done: int, total: int) -> None:
        if sys.stderr.isatty():
            self.stderr.write(f"\r已读取{done}/{total}个栏目", ending="")

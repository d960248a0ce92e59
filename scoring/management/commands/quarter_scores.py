import json

from django.core.management.base import BaseCommand, CommandError

from core.formatting import format_points
from scoring.selectors import NoRuleSet, quarter_scores
from scoring.serializers import quarter_score_dict
from scoring.statistics import month_cell


class Command(BaseCommand):
    help = "计算并输出某季度各单位得分与名次。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
        parser.add_argument("--json", action="store_true", help="输出JSON列表")

    def handle(self, *args, **options):
        try:
            result = quarter_scores(year=options["year"], quarter=options["quarter"])
        except NoRuleSet as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps([quarter_score_dict(r) for r in result.rows], ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{result.period.label}得分（规则：{result.rules.name}）")
        for row in result.rows:
            months = " / ".join(month_cell(row, i) for i in range(3))
            rank = f"第{row.rank:>2}名" + ("" if row.complete else "（暂定）")
            self.stdout.write(
                f"{row.category} {rank} {row.name}：{months}，累计{format_points(row.publication_score)}，"
                f"加分{format_points(row.bonus_counted)}，减分{format_points(row.deduction)}，"
                f"合计{format_points(row.total)}"
            )

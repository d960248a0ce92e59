import json

from django.core.management.base import BaseCommand, CommandError

from core.formatting import format_points
from scoring.selectors import NoRuleSet, annual_scores
from scoring.serializers import year_score_dict


class Command(BaseCommand):
    help = "计算并输出某年度各单位年终考核得分（各季度合计之和加采用加分，再加年度考核调整）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarters", default="1,2,3,4", help="计入的季度，如 3,4")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            quarters = sorted({int(q) for q in options["quarters"].split(",")})
        except ValueError as exc:
            raise CommandError("--quarters 应为以逗号分隔的季度，如 3,4") from exc
        if not quarters or any(q not in (1, 2, 3, 4) for q in quarters):
            raise CommandError("--quarters 只能包含1至4")
        try:
            result = annual_scores(year=options["year"], quarters=quarters)
        except NoRuleSet as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps([year_score_dict(r) for r in result.rows], ensure_ascii=False, indent=1))
            return
        for row in result.rows:
            adjusted = f"，年度调整{format_points(row.adjustment)}" if row.adjustments else ""
            self.stdout.write(
                f"{row.category} 第{row.rank:>2}名 {row.name}：季度合计{format_points(row.quarters_sum)}，"
                f"采用加分{format_points(row.adoption_bonus)}{adjusted}，年度{format_points(row.final_total)}"
            )

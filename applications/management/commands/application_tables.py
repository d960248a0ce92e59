import json

from django.core.management.base import BaseCommand

from applications.catalogue import appeal_columns
from applications.commands import unit_option, year_option
from applications.tables import ROWS, unit_tables


class Command(BaseCommand):
    help = (
        "由依申请公开登记簿计算年度报告第三、四部分：--json 输出 "
        '{"三": {"<国家格式的行名>": [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计], …25行}, '
        '"四": [按国家格式列序的15个数]}。'
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如2024")
        parser.add_argument("--unit", required=True, help="单位名称（可用别名）")
        parser.add_argument("--json", action="store_true", help="输出JSON")

    def handle(self, *args, **options):
        year, unit = year_option(options["year"]), unit_option(options["unit"])
        tables = unit_tables(unit, year)
        if options["json"]:
            self.stdout.write(json.dumps(tables.as_json(), ensure_ascii=False))
            return
        self.stdout.write(
            f"{unit.name}{year}年 三、收到和处理政府信息公开申请情况（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）"
        )
        for key, label in ROWS:
            self.stdout.write(f"{label}\t" + "\t".join(str(n) for n in tables.row(key)))
        self.stdout.write("四、政府信息公开行政复议、行政诉讼情况")
        for key, name in appeal_columns():
            self.stdout.write(f"{name}\t{tables.values[key]}")

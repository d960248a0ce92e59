from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annual_reports.content import ReportContent, organ_name, report_title
from annual_reports.models import AnnualReport, ReportYear
from annual_reports.pdf import report_pdf
from annual_reports.selectors import new_report, report_content
from annual_reports.xlsx import report_workbook
from core.pdf import FontsNotInstalledError, MissingGlyphError
from units.selectors import UnitNotFound, resolve_unit


class Command(BaseCommand):
    help = (
        "导出政府信息公开工作年度报告（国家格式）：单位报告、全区汇总报告（--district）或空白Excel模板（--template）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如2024")
        parser.add_argument("--unit", help="单位名称，如 区政府办公室（可用别名）")
        parser.add_argument("--district", action="store_true", help="全区报告（各单位已定稿报告汇总）")
        parser.add_argument("--template", action="store_true", help="空白Excel模板，供离线填写后导入")
        parser.add_argument("--format", required=True, choices=["pdf", "xlsx"])
        parser.add_argument("--output", required=True, help="输出文件")
        parser.add_argument("--report-version", type=int, help="版次（默认最新一版）")

    def handle(self, *args, **options):
        if bool(options["unit"]) == bool(options["district"]) and not options["template"]:
            raise CommandError("请用 --unit 指定单位，或用 --district 导出全区报告。")
        unit = self._unit(options["unit"]) if options["unit"] else None
        if options["template"]:
            if options["format"] != "xlsx":
                raise CommandError("空白模板只有Excel格式（--format xlsx）。")
            organ = organ_name(unit.name) if unit else "（单位名称）"
            content = ReportContent(
                title=report_title(organ, options["year"]), organ=organ, year=options["year"], values=None
            )
            self._write(options["output"], report_workbook(content, template=True))
            return
        content = report_content(self._report(options["year"], unit, options["report_version"]))
        try:
            data = report_pdf(content) if options["format"] == "pdf" else report_workbook(content)
        except (MissingGlyphError, FontsNotInstalledError) as exc:
            raise CommandError(str(exc)) from exc
        self._write(options["output"], data)

    def _unit(self, name: str):
        try:
            return resolve_unit(name)
        except UnitNotFound as exc:
            raise CommandError(str(exc)) from exc

    def _report(self, year: int, unit, version: int | None) -> AnnualReport:
        report_year = ReportYear.objects.filter(year=year).first()
        if report_year is None:
            raise CommandError(f"{year}年度的年度报告尚未开启。")
        reports = AnnualReport.objects.filter(report_year=report_year).select_related("report_year", "unit")
        reports = reports.filter(unit=unit) if unit else reports.filter(scope=AnnualReport.Scope.DISTRICT)
        report = reports.filter(version=version).first() if version else reports.order_by("-version").first()
        if report is None and unit is None and not version:
            return new_report(report_year, None)
        if report is None:
            raise CommandError(
                f"{unit.name if unit else '全区'}{year}年度报告{f'第{version}版' if version else ''}还没有填报。"
            )
        return report

    def _write(self, output: str, data: bytes) -> None:
        path = Path(output)
        path.write_bytes(data)
        self.stdout.write(f"已导出：{path}（{len(data) // 1024} KB）")

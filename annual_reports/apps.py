from django.apps import AppConfig


class AnnualReportsConfig(AppConfig):
    name = "annual_reports"
    verbose_name = "政府信息公开工作年度报告"

    def ready(self) -> None:
        from core.history import track
        from core.panels import UnitPanel, register_unit_panel

        from .jobs import register_jobs
        from .models import AnnualReport, ReportYear
        from .panels import returned_report_panel

        register_jobs()
        register_unit_panel(
            UnitPanel(key="annual_report_returned", title="年度报告被退回", render=returned_report_panel, top=True)
        )

        track(ReportYear, describe=lambda r: f"{r.year}年度报告（截止日期）", unit_field=None)
        track(AnnualReport, describe=_describe_report, skip=("figures",), select=("unit", "report_year"))


def _describe_report(record) -> str:
    owner = "全区" if record.scope == "district" else str(record.unit)
    return f"{owner} {record.report_year.year}年政府信息公开工作年度报告（第{record.version}版）"

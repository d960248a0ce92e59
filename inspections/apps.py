from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "检查与减分"

    def ready(self) -> None:
        from core.calendar import Quarter
        from core.history import track
        from core.imports.registry import ImportKind, register

        from .import_templates import deductions_template
        from .models import Deduction, Finding, InspectionRound
        from .services import deductions_import

        track(
            Deduction,
            describe=lambda r: f"{r.unit} {Quarter(r.year, r.quarter).label}减分：{r.reason}",
        )
        track(Finding, describe=lambda r: f"{r.unit} 检查问题：{r.description[:30]}")
        track(InspectionRound, unit_field=None)
        register(
            ImportKind(
                key="deductions",
                label="减分事项",
                run=deductions_import,
                order=3,
                needs_quarter=True,
                columns="列“单位”“事项”“减分”（正数），每项一行；文件替换各单位本季度此前导入的减分，手工录入的保留；"
                "没有事项和减分的行不导入。",
                template=deductions_template,
            )
        )

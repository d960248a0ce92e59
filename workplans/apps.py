from django.apps import AppConfig


class WorkplansConfig(AppConfig):
    name = "workplans"
    verbose_name = "工作方案与台账"

    def ready(self) -> None:
        from core.history import track
        from core.imports.registry import ImportKind, register
        from core.panels import NoticeProblemSource, UnitPanel, register_notice_problems, register_unit_panel

        from .import_templates import work_plan_template
        from .jobs import register_jobs
        from .models import LedgerRow, ProgressReport, Task, WorkPlan, task_label
        from .panels import overdue_notice_problems, unit_panel
        from .services import work_plan_import

        register_jobs()
        track(WorkPlan, describe=lambda r: r.title, unit_field=None)
        track(
            Task,
            describe=lambda r: f"{getattr(r.plan, 'year', '')}年工作方案第{task_label(r.source, r.number)}项任务",
            unit_field=None,
            select=("plan",),
        )
        track(
            LedgerRow,
            describe=lambda r: f"{r.ledger.unit} 台账：{r.measure[:30]}",
            unit_field=None,
            select=("ledger__unit",),
        )
        track(
            ProgressReport,
            describe=lambda r: f"{r.unit} 第{task_label(r.task.source, r.task.number)}项任务{r.period}进度",
            select=("unit", "task"),
        )
        register(
            ImportKind(
                key="work_plan",
                label="年度工作方案",
                run=work_plan_import,
                order=5,
                columns="工作方案附件1（列“序号”“工作任务”（一列或两列）“工作要求”“责任单位”“时限要求”，可有合并单元格）"
                "或附件2（列“部门”“牵头公开内容”“要求”）；同一年度重新导入即替换，并列出修改。",
                template=work_plan_template,
            )
        )
        register_unit_panel(UnitPanel(key="workplans", title="工作方案任务", render=unit_panel, order=10))
        register_notice_problems(NoticeProblemSource(key="workplans", problems=overdue_notice_problems, order=10))

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from core.history import track
        from core.panels import UnitPanel, register_unit_panel

        from .jobs import register_jobs
        from .models import Appeal, Application, Consultation, ReplyLetter
        from .panels import unit_panel

        register_jobs()
        # The applicant's name and contact are kept in the history of the record, shown on the
        # application's own page (its unit and the office), never in the history feed or its export.
        track(
            Application,
            describe=lambda r: f"{r.unit} 政府信息公开申请（{r.received_on:%Y年%-m月%-d日}收到）",
            skip=("applicant_name", "applicant_contact"),
        )
        track(
            Consultation,
            describe=lambda r: f"{_unit(r)} 政府信息公开申请的征求意见",
            unit_field=None,
            select=("application__unit",),
        )
        track(
            Appeal,
            describe=lambda r: f"{_unit(r)} 政府信息公开申请的复议诉讼",
            unit_field=None,
            select=("application__unit",),
        )
        track(
            ReplyLetter,
            describe=lambda r: f"{_unit(r)} 政府信息公开申请答复告知书",
            unit_field=None,
            skip=("addressee",),
            select=("application__unit",),
        )
        register_unit_panel(UnitPanel(key="applications", title="依申请公开", render=unit_panel, order=5))


def _unit(record) -> str:
    """The unit of a record of an application (loaded with it; ``None`` once the application is deleted)."""
    application = record.application
    return str(application.unit) if application is not None else "（已删除的申请）"

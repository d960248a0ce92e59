from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "通报与报告"

    def ready(self) -> None:
        from core import hooks
        from core.calendar import Quarter
        from core.history import track

        from . import selectors
        from .jobs import register_jobs
        from .models import Notice

        hooks.issued_figures.register(selectors.issued_figures)
        hooks.issued_quarters.register(selectors.issued_quarters)
        register_jobs()

        track(
            Notice,
            describe=lambda r: f"{Quarter(r.year, r.quarter).label}通报草稿",
            unit_field=None,
            labels={"attachments": dict(Notice.AttachmentKind.choices)},
        )

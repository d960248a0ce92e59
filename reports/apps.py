from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "通报与报告"

    def ready(self) -> None:
        from core.calendar import Quarter
        from core.history import track

        from .models import Notice

        track(Notice, describe=lambda r: f"{Quarter(r.year, r.quarter).label}通报草稿", unit_field=None)

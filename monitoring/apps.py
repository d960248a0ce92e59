from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "栏目更新监测"

    def ready(self) -> None:
        from core import hooks
        from core.history import track
        from core.panels import UnitPanel, register_unit_panel

        from .grid import proposed_publications
        from .jobs import register_jobs
        from .models import Column
        from .panels import unit_panel

        register_jobs()
        track(Column, describe=lambda r: f"{r.unit} 监测栏目：{r.name}")
        register_unit_panel(UnitPanel(key="monitoring", title="栏目更新", render=unit_panel, order=20))
        hooks.publication_proposals.register(proposed_publications)

from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "栏目更新监测"

    def ready(self) -> None:
        from core.history import track

        from .jobs import register_jobs
        from .models import Column

        register_jobs()
        track(Column, describe=lambda r: f"{r.unit} 监测栏目：{r.name}")

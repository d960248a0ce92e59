from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "单位与账号"

    def ready(self) -> None:
        from core.history import track
        from core.jobs import JobKind, register

        from .exports import history_job
        from .models import Unit

        track(Unit, unit_field="id")
        register(JobKind(key="history_xlsx", run=history_job))

from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "单位与账号"

    def ready(self) -> None:
        from core.history import track

        from .models import Unit

        track(Unit, unit_field="id")

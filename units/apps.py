from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "单位与账号"

    def ready(self) -> None:
        from core import hooks
        from core.history import track

        from .jobs import register_jobs
        from .models import DemoSitePeriod, Unit, UnitAlias
        from .selectors import alias_choices

        track(Unit, unit_field="id")
        track(UnitAlias, describe=lambda r: f"{r.unit} 别名“{r.name}”")
        track(DemoSitePeriod, describe=lambda r: f"{r.unit} 示范点期间")
        hooks.alias_choices.register(alias_choices)
        register_jobs()

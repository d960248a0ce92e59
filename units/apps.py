from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "单位与账号"

    def ready(self) -> None:
        from core import hooks
        from core.history import track

        from .axes_names import name_axes_in_chinese
        from .jobs import register_jobs
        from .models import Unit, UnitAlias
        from .selectors import alias_choices

        track(Unit, unit_field="id")
        track(UnitAlias, describe=lambda r: f"{r.unit} 别名“{r.name}”")
        hooks.alias_choices.register(alias_choices)
        register_jobs()
        name_axes_in_chinese()

from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = "考核计分"

    def ready(self) -> None:
        from core import hooks
        from core.history import track

        from .models import AnnualAdjustment, RuleSet
        from .selectors import month_rules

        hooks.month_rules.register(month_rules)
        track(RuleSet, unit_field=None)
        track(AnnualAdjustment, describe=lambda r: f"{r.unit} {r.year}年度考核调整")

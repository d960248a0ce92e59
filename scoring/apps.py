from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = "考核计分"

    def ready(self) -> None:
        from core.history import track

        from .models import AnnualAdjustment, RuleSet

        track(RuleSet, unit_field=None)
        track(AnnualAdjustment, describe=lambda r: f"{r.unit} {r.year}年度考核调整")

from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = "考核计分"

    def ready(self) -> None:
        from core.history import track

        from .models import RuleSet

        track(RuleSet, unit_field=None)

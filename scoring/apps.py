from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = "考核计分"

    def ready(self) -> None:
        from core import hooks
        from core.history import track
        from core.panels import NoticeProblemSource, register_notice_problems

        from .models import AnnualAdjustment, RuleSet
        from .notice_problems import late_answer_problems
        from .selectors import month_rules

        hooks.month_rules.register(month_rules)
        track(RuleSet, unit_field=None)
        track(AnnualAdjustment, describe=lambda r: f"{r.unit} {r.year}年度考核调整")
        register_notice_problems(NoticeProblemSource(key="late_answers", problems=late_answer_problems, order=20))

from django import forms
from django.contrib import admin, messages

from core.admin import POINTS_FORMFIELD, HistoryAdmin, points_column

from .models import RuleSet
from .services import correction_required_message, issued_quarters_affected, rule_set_save


class RuleSetForm(forms.ModelForm):
    correction_note = forms.CharField(
        label="更正说明",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="只有更正已印发通报所用的规则时填写；一般情况下请新增一个从以后某月起生效的规则版本。",
    )

    class Meta:
        model = RuleSet
        fields = [
            "name",
            "valid_from",
            "basis",
            "points_per_item",
            "monthly_item_cap",
            "quarterly_publication_cap",
            "submission_required_from",
            "article_quota",
            "demo_site_article_quota",
            "no_submission_points",
            "quota_shortfall_points",
            "city_adoption_bonus",
            "province_adoption_bonus",
            "bonus_in_quarterly_total",
            "rank_method",
            "late_answers_in_notice",
        ]

    def clean(self):
        data = super().clean()
        if self.has_changed() and data.get("valid_from"):
            affected = issued_quarters_affected(pk=self.instance.pk, valid_from=data["valid_from"])
            if affected and not (data.get("correction_note") or "").strip():
                self.add_error("correction_note", correction_required_message(affected))
        return data


@admin.register(RuleSet)
class RuleSetAdmin(HistoryAdmin):
    form = RuleSetForm
    formfield_overrides = POINTS_FORMFIELD

    def save_model(self, request, obj, form, change):
        """Saved through the service: the same rules as every other path."""
        note = form.cleaned_data.get("correction_note", "")
        for line in rule_set_save(rule_set=obj, acting_user=request.user, correction_note=note):
            messages.warning(request, line)

    def has_delete_permission(self, request, obj=None):
        """Rule sets are never deleted: past quarters must always recompute to what was published.
        To change the rules from a date on, add a new rule set valid from that date."""
        return False

    list_display = [
        "name",
        "valid_from",
        points_column("points_per_item", "每条信息得分"),
        "monthly_item_cap",
        points_column("no_submission_points", "当月未投稿减分"),
        "submission_required_from",
        "bonus_in_quarterly_total",
    ]
    fieldsets = (
        (None, {"fields": ("name", "valid_from", "basis")}),
        ("网站信息发布", {"fields": ("points_per_item", "monthly_item_cap", "quarterly_publication_cap")}),
        (
            "投稿",
            {
                "fields": (
                    "submission_required_from",
                    "article_quota",
                    "demo_site_article_quota",
                    "no_submission_points",
                    "quota_shortfall_points",
                )
            },
        ),
        ("采用加分", {"fields": ("city_adoption_bonus", "province_adoption_bonus", "bonus_in_quarterly_total")}),
        ("排名", {"fields": ("rank_method",)}),
        ("季度通报", {"fields": ("late_answers_in_notice",)}),
        ("更正", {"fields": ("correction_note",)}),
    )

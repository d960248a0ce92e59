from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import RuleSet


@admin.register(RuleSet)
class RuleSetAdmin(SimpleHistoryAdmin):
    def has_delete_permission(self, request, obj=None):
        """Rule sets are never deleted: past quarters must always recompute to what was published.
        To change the rules from a date on, add a new rule set valid from that date."""
        return False

    list_display = [
        "name",
        "valid_from",
        "points_per_item",
        "monthly_item_cap",
        "no_submission_points",
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
    )

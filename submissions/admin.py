from django.contrib import admin

from core.admin import HistoryAdmin, ReadOnlyAdminMixin

from .models import Article, MonthlyArticleTally, MonthlyPublication


@admin.register(MonthlyPublication)
class MonthlyPublicationAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "月度填报"
    list_display = ["unit", "year", "month", "count", "updated_by", "updated_at"]
    list_filter = ["year", "month", "unit__category"]
    search_fields = ["unit__name"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(MonthlyArticleTally)
class MonthlyArticleTallyAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "月度填报"
    list_display = ["unit", "year", "month", "submitted", "non_compliant", "city_adopted", "province_adopted"]
    list_filter = ["year", "month", "unit__category"]
    search_fields = ["unit__name"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "稿件登记"
    list_display = [
        "title",
        "unit",
        "received_on",
        "char_count",
        "is_compliant",
        "city_adopted_on",
        "province_adopted_on",
    ]
    list_filter = ["is_compliant", "unit__category"]
    date_hierarchy = "received_on"
    search_fields = ["title", "unit__name"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["updated_by", "updated_at", "created_at"]

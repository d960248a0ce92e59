from django.contrib import admin

from core.admin import HistoryAdmin, ReadOnlyAdminMixin, points_column
from core.formatting import format_points

from .models import Deduction, Finding, FindingTransition, InspectionRound, RectificationResponse


@admin.register(InspectionRound)
class InspectionRoundAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "检查整改"
    list_display = ["name", "year", "quarter", "inspected_on"]
    list_filter = ["year", "quarter"]


class RectificationResponseInline(admin.TabularInline):
    model = RectificationResponse
    extra = 0
    can_delete = False
    fields = ["submitted_at", "submitted_by", "text", "link", "original_filename"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class FindingTransitionInline(admin.TabularInline):
    model = FindingTransition
    fk_name = "finding"
    extra = 0
    can_delete = False
    fields = ["at", "by", "from_status", "to_status", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "检查整改"
    list_display = ["unit", "inspection", "category", "column", "deadline", "status"]
    list_filter = ["status", "category", "inspection"]
    search_fields = ["unit__name", "description"]
    autocomplete_fields = ["unit"]
    inlines = [RectificationResponseInline, FindingTransitionInline]


@admin.register(Deduction)
class DeductionAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "检查整改或Excel导入"
    points = points_column("points", "减分")
    list_display = ["unit", "year", "quarter", "reason", "kind", points, "source"]
    fields = [
        "unit",
        "year",
        "quarter",
        "reason",
        "kind",
        "points_shown",
        "finding",
        "source",
        "position",
        "created_at",
        "created_by",
    ]
    readonly_fields = ["points_shown"]

    @admin.display(description="减分")
    def points_shown(self, obj) -> str:
        return format_points(obj.points)

    list_filter = ["year", "quarter", "kind", "source", "unit__category"]
    search_fields = ["unit__name", "reason"]
    autocomplete_fields = ["unit"]


@admin.register(FindingTransition)
class FindingTransitionAdmin(admin.ModelAdmin):
    """The audit trail of the rectification workflow: read only."""

    list_display = ["at", "finding", "from_status", "to_status", "by", "note"]
    list_filter = ["to_status"]
    search_fields = ["finding__unit__name", "note"]
    list_select_related = ["finding__unit", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

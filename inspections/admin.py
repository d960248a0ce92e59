from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Deduction, Finding, InspectionRound


@admin.register(InspectionRound)
class InspectionRoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "year", "quarter", "inspected_on"]
    list_filter = ["year", "quarter"]


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "inspection", "category", "column", "deadline", "status"]
    list_filter = ["status", "category", "inspection"]
    search_fields = ["unit__name", "description"]
    autocomplete_fields = ["unit"]


@admin.register(Deduction)
class DeductionAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "quarter", "reason", "points", "source"]
    list_filter = ["year", "quarter", "source", "unit__category"]
    search_fields = ["unit__name", "reason"]
    autocomplete_fields = ["unit"]

from django.contrib import admin

from core.admin import HistoryAdmin

from .models import Ledger, Task, TaskParty, TaskUnit, WorkPlan


@admin.register(WorkPlan)
class WorkPlanAdmin(HistoryAdmin):
    list_display = ["year", "title", "doc_number", "ledger_deadline"]


class TaskPartyInline(admin.TabularInline):
    model = TaskParty
    extra = 0


class TaskUnitInline(admin.TabularInline):
    model = TaskUnit
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["unit", "role", "via", "party"]


@admin.register(Task)
class TaskAdmin(HistoryAdmin):
    list_display = ["plan", "source", "number", "area", "responsible_text", "time_limit_kind", "due_date"]
    list_filter = ["plan", "source", "time_limit_kind"]
    search_fields = ["requirement", "responsible_text"]
    inlines = [TaskPartyInline, TaskUnitInline]


@admin.register(Ledger)
class LedgerAdmin(HistoryAdmin):
    list_display = ["plan", "unit", "status", "submitted_at"]
    list_filter = ["plan", "status"]

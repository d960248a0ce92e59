"""Work plans, tasks and ledgers in the admin: to read only. They are written where their rules
are kept: the import (年度工作方案), the assignment of described parties (任务页面), the ledgers'
submission and return (台账报送情况), each writing its history and transitions."""

from django.contrib import admin

from core.admin import HistoryAdmin, ReadOnlyAdminMixin

from .models import Ledger, LedgerTransition, Task, TaskParty, TaskUnit, WorkPlan


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(WorkPlan)
class WorkPlanAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "年度工作方案"
    list_display = ["year", "title", "doc_number", "ledger_deadline"]


class TaskPartyInline(ReadOnlyInline):
    model = TaskParty
    fields = ["name", "role"]


class TaskUnitInline(ReadOnlyInline):
    model = TaskUnit
    fields = ["unit", "role", "via", "party", "assigned_by", "assigned_at"]


@admin.register(Task)
class TaskAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "年度工作方案"
    list_display = ["plan", "source", "number", "area", "responsible_text", "time_limit_kind", "due_date"]
    list_filter = ["plan", "source", "time_limit_kind"]
    search_fields = ["requirement", "responsible_text"]
    list_select_related = ["plan"]
    inlines = [TaskPartyInline, TaskUnitInline]


class LedgerTransitionInline(ReadOnlyInline):
    model = LedgerTransition
    fields = ["at", "by", "from_status", "to_status", "note"]


@admin.register(Ledger)
class LedgerAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    managed_at = "台账报送情况"
    list_display = ["plan", "unit", "status", "submitted_at"]
    list_filter = ["plan", "status"]
    list_select_related = ["plan", "unit"]
    inlines = [LedgerTransitionInline]

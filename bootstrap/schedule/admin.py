"""The scheduled jobs in the admin (周期任务): the tasks with their Chinese names and schedules, the
crontabs and intervals they run by. Writes go through :mod:`.services`; beat's own admin pages
(with their English and an inline script the content security policy blocks) are replaced."""

from __future__ import annotations

from django.contrib import admin
from django_celery_beat.models import ClockedSchedule, CrontabSchedule, IntervalSchedule, PeriodicTask, SolarSchedule

from core.formatting import format_cn_datetime

from .forms import CrontabForm, IntervalForm, ScheduledTaskForm
from .models import Crontab, Interval, ScheduledTask
from .services import schedule_delete, schedule_save
from .task_names import TASK_LABELS, task_label
from .text import cron_expression, crontab_text, interval_text

for model in (PeriodicTask, CrontabSchedule, IntervalSchedule, SolarSchedule, ClockedSchedule):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class ThroughServices:
    """Saves and deletes of the admin (one record or a selection) through the services."""

    def save_model(self, request, obj, form, change):
        schedule_save(schedule=obj, acting_user=request.user)

    def delete_model(self, request, obj):
        schedule_delete(schedule=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            schedule_delete(schedule=obj, acting_user=request.user)


@admin.display(description="执行的任务", ordering="task")
def task_name(obj) -> str:
    return task_label(obj.task)


class TaskFilter(admin.SimpleListFilter):
    title = "执行的任务"
    parameter_name = "task"

    def lookups(self, request, model_admin):
        return list(TASK_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(task=self.value()) if self.value() else queryset


@admin.register(ScheduledTask)
class ScheduledTaskAdmin(ThroughServices, admin.ModelAdmin):
    form = ScheduledTaskForm
    list_display = ["name", task_name, "enabled", "when", "last_run"]
    list_filter = ["enabled", TaskFilter]
    search_fields = ["name", "description"]
    list_select_related = ["interval", "crontab"]
    readonly_fields = ["last_run"]
    fieldsets = [
        (None, {"fields": ["name", "task", "enabled", "description"]}),
        ("时间表", {"fields": ["crontab", "interval", "start_time", "one_off", "last_run"]}),
        ("参数", {"fields": ["kwargs"]}),
    ]

    @admin.display(description="上次执行", ordering="last_run_at")
    def last_run(self, obj) -> str:
        return format_cn_datetime(obj.last_run_at) if obj.last_run_at else "尚未执行"

    @admin.display(description="时间表")
    def when(self, obj) -> str:
        return crontab_text(obj.crontab) if obj.crontab_id else interval_text(obj.interval)


class ChineseDeletionSummary:
    """The delete page lists the tasks deleted with a schedule by their Chinese names (Django's summary
    would print beat's own model, whose English ``__str__`` shows the schedule as ``(m/h/dM/MY/d)``)."""

    task_field = ""

    def get_deleted_objects(self, objs, request):
        _, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        label = self.model._meta.verbose_name
        deleted = []
        for obj in objs:
            tasks = ScheduledTask.objects.filter(**{self.task_field: obj}).order_by("name")
            deleted += [f"{label}：{obj}", [f"周期任务：{task}" for task in tasks]]
        return deleted, model_count, perms_needed, protected


class TasksUsingInline(admin.TabularInline):
    """The tasks that run by this schedule (read only; each links to its own page)."""

    model = ScheduledTask
    fields = ["name", task_name]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "使用此时间表的周期任务"
    verbose_name_plural = verbose_name

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TasksByCrontabInline(TasksUsingInline):
    fk_name = "crontab"


class TasksByIntervalInline(TasksUsingInline):
    fk_name = "interval"


@admin.register(Crontab)
class CrontabAdmin(ChineseDeletionSummary, ThroughServices, admin.ModelAdmin):
    form = CrontabForm
    task_field = "crontab"
    list_display = ["expression", "description"]
    fields = ["description", "minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone"]
    readonly_fields = ["description"]
    inlines = [TasksByCrontabInline]

    @admin.display(description="定时表达式（分 时 日 月 星期）")
    def expression(self, obj) -> str:
        return cron_expression(obj)

    @admin.display(description="说明")
    def description(self, obj) -> str:
        return crontab_text(obj) if obj.pk else "—"


@admin.register(Interval)
class IntervalAdmin(ChineseDeletionSummary, ThroughServices, admin.ModelAdmin):
    form = IntervalForm
    task_field = "interval"
    list_display = ["__str__"]
    inlines = [TasksByIntervalInline]

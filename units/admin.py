from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group

from core.admin import HistoryAdmin, chinese_permissions_field
from core.versioning import data_changed

from .models import DemoSitePeriod, Unit, UnitAlias, User


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1


class DemoSitePeriodInline(admin.TabularInline):
    model = DemoSitePeriod
    extra = 0


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    list_display = [
        "name",
        "category",
        "sort_order",
        "is_assessed",
        "submission_exempt",
        "assessed_from",
        "assessed_until",
    ]
    list_filter = ["category", "is_assessed", "submission_exempt"]
    search_fields = ["name", "aliases__name"]
    list_editable = ["sort_order"]
    inlines = [UnitAliasInline, DemoSitePeriodInline]

    # A unit's category, order, assessment period and demonstration periods change scores and
    # tables: cached ones are dropped (core.versioning), as after any other write. The admin saves
    # the unit and its inlines in one transaction, so the bump after its commit covers the inlines.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        data_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        data_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        data_changed()


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "role", "unit", "is_active", "last_login"]
    list_filter = ["role", "is_active", "unit__category"]
    search_fields = ["username", "display_name", "unit__name"]
    autocomplete_fields = ["unit"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("考核系统", {"fields": ("display_name", "role", "unit")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("考核系统", {"fields": ("display_name", "role", "unit")}),
    )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return chinese_permissions_field(field) if db_field.name == "user_permissions" else field


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin):
    """Django's, with the permissions named in Chinese."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return chinese_permissions_field(field) if db_field.name == "permissions" else field

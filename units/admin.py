"""Units and accounts in the admin. Every save and delete goes through the services of
``units.services`` (history with who and why, the data marked changed where scores depend on it);
the password is summarised in words, never as the hasher's algorithm, salt and digest."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, ReadOnlyPasswordHashWidget, UserChangeForm
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.utils.html import format_html

from core.admin import HistoryAdmin, chinese_permissions_field

from .models import DemoSitePeriod, Unit, UnitAlias, User
from .services import (
    account_delete,
    account_save,
    demo_site_period_delete,
    demo_site_period_save,
    unit_alias_delete,
    unit_alias_save,
    unit_delete,
    unit_update,
)

INLINE_SERVICES = {
    UnitAlias: (unit_alias_save, unit_alias_delete, "alias"),
    DemoSitePeriod: (demo_site_period_save, demo_site_period_delete, "period"),
}


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

    def save_model(self, request, obj, form, change):
        unit_update(unit=obj, acting_user=request.user, reason="在管理后台修改" if change else "在管理后台新增")

    def save_formset(self, request, form, formset, change):
        """The aliases and demonstration periods, one by one through their services."""
        save, delete, name = INLINE_SERVICES[formset.model]
        for obj in formset.save(commit=False):
            save(**{name: obj}, acting_user=request.user, reason="在管理后台修改")
        for obj in formset.deleted_objects:
            delete(**{name: obj}, acting_user=request.user)

    def delete_model(self, request, obj):
        unit_delete(unit=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for unit in queryset:
            unit_delete(unit=unit, acting_user=request.user)


class PasswordSummary(ReadOnlyPasswordHashWidget):
    """「已设置密码（加密保存，任何人都无法查看原密码）」 instead of the hasher's algorithm, salt and digest."""

    def render(self, name, value, attrs=None, renderer=None):
        usable = bool(value) and not value.startswith(UNUSABLE_PASSWORD_PREFIX)
        return format_html(
            '<div id="{}"><p>{}</p><p><a class="button" href="../password/">{}</a></p></div>',
            (attrs or {}).get("id", f"id_{name}"),
            "已设置密码（加密保存，任何人都无法查看原密码）" if usable else "未设置密码，不能用密码登录",
            "重置密码" if usable else "设置密码",
        )


class AccountChangeForm(UserChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget = PasswordSummary()


class AccountPasswordForm(AdminPasswordChangeForm):
    """The admin's password page, saving through the service like every other write of an account."""

    def save(self, commit=True):
        user = super().save(commit=False)
        return account_save(user=user) if commit else user


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = AccountChangeForm
    change_password_form = AccountPasswordForm
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

    def save_model(self, request, obj, form, change):
        account_save(user=obj, acting_user=request.user)

    def delete_model(self, request, obj):
        account_delete(user=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_delete(user=user, acting_user=request.user)

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

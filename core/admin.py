"""Admin helpers. A model whose writes a service guards is shown read-only in the admin, with a
pointer to the page that writes it, so the admin can never bypass the service's rules. The admin
reads as the office writes: points as 0.5 (not 0.50), history changes with field names and values
in Chinese, permissions named in Chinese."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.apps import apps
from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from .formatting import display_value, format_points


class ReadOnlyAdminMixin:
    """View and search only: no adding, changing or deleting in the admin."""

    managed_at = ""
    """Where this data is written instead, shown on the admin page (e.g. “月度填报”)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if self.managed_at:
            extra_context = {
                **(extra_context or {}),
                "title": f"{self.model._meta.verbose_name}（只读，请在“{self.managed_at}”中修改）",
            }
        return super().changelist_view(request, extra_context=extra_context)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


# --- Points as the office prints them ----------------------------------------------------------


def points_column(field: str, label: str):
    """A ``list_display`` / ``readonly_fields`` entry showing ``field`` as 0.5, 15, -2 (sortable)."""

    @admin.display(description=label, ordering=field)
    def column(obj) -> str:
        return format_points(getattr(obj, field))

    column.__name__ = f"{field}_points"
    return column


class PointsInput(forms.NumberInput):
    """A points box showing the stored 0.50 as 0.5 (what was typed comes back as typed)."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            return format_points(value)
        return super().format_value(value)


POINTS_FORMFIELD = {models.DecimalField: {"widget": PointsInput}}


# --- History pages in Chinese ------------------------------------------------------------------


class ChineseHistoryHelper(HistoricalRecordContextHelper):
    """The changes on an object's history page: field names and values as the office writes them
    (choice labels, 是/否, 0.5, 2025年1月10日, — for nothing) instead of raw stored values."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.is_relation and not field.many_to_many:
            if isinstance(value, DeletedObject):
                if value.pk is None:  # how simple-history passes an empty foreign key
                    return "—"
                return f"（已删除的{value.model._meta.verbose_name}，编号{value.pk}）"
            return "—" if value in (None, "") else str(value)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value)
        return display_value(field, value)


class HistoryAdmin(SimpleHistoryAdmin):
    """``SimpleHistoryAdmin`` whose history pages read in Chinese."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ChineseHistoryHelper(self.model, historical_record)


# --- Permissions named in Chinese ------------------------------------------------------------------

PERMISSION_ACTIONS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}


def permission_label(permission) -> str:
    """``单位与账号｜单位｜可以修改`` instead of Django's stored English ``Can change 单位``."""
    content_type = permission.content_type
    model = content_type.model_class()
    app = apps.get_app_config(content_type.app_label).verbose_name if model else content_type.app_label
    name = model._meta.verbose_name if model else content_type.model
    action, _, _ = permission.codename.partition("_")
    what = f"可以{PERMISSION_ACTIONS[action]}" if action in PERMISSION_ACTIONS else permission.name
    return f"{app}｜{name}｜{what}"


SHOWN_THROUGH_PROXIES = ("axes", "django_celery_beat")
"""Libraries whose models the admin shows through proxy models of ours (``units.logins``,
``bootstrap.schedule``): the proxies' permissions are the ones the admin checks."""


def chinese_permissions_field(formfield):
    """The permissions box of a user or group: Chinese names, without the permissions nobody
    grants (the history tables', and those of library models the admin shows through proxies)."""
    if formfield is None:
        return formfield
    formfield.queryset = (
        formfield.queryset.exclude(content_type__model__startswith="historical")
        .exclude(content_type__app_label__in=SHOWN_THROUGH_PROXIES)
        .select_related("content_type")
    )
    formfield.label_from_instance = permission_label
    return formfield

"""Filters of the office's list of findings (django-filter)."""

import django_filters
from django import forms

from units.models import Unit

from .models import Finding, InspectionRound
from .selectors import awaiting_action


class FindingFilter(django_filters.FilterSet):
    """By round, unit, category, status; by default only what awaits the office (待验收 and 逾期)."""

    SCOPE_TODO = "todo"
    SCOPE_ALL = "all"

    scope = django_filters.ChoiceFilter(
        label="范围",
        choices=[(SCOPE_TODO, "待验收和逾期"), (SCOPE_ALL, "全部问题")],
        empty_label=None,
        method="filter_scope",
    )
    inspection = django_filters.ModelChoiceFilter(
        label="检查批次",
        queryset=InspectionRound.objects.order_by("-year", "-quarter", "-inspected_on"),
        empty_label="全部批次",
    )
    unit = django_filters.ModelChoiceFilter(
        label="单位", queryset=Unit.objects.order_by("category", "sort_order", "name"), empty_label="全部单位"
    )
    category = django_filters.ChoiceFilter(label="问题类别", choices=Finding.Category.choices, empty_label="全部类别")
    status = django_filters.ChoiceFilter(label="状态", choices=Finding.Status.choices, empty_label="全部状态")
    overdue = django_filters.BooleanFilter(label="只看逾期", field_name="is_overdue", widget=forms.CheckboxInput)

    class Meta:
        model = Finding
        fields = ["scope", "inspection", "unit", "category", "status", "overdue"]

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        if not data.get("scope"):
            # Opened plainly: what awaits the office. With any other filter chosen: every finding.
            narrowed = any(data.get(name) for name in ("inspection", "unit", "category", "status", "overdue"))
            data["scope"] = self.SCOPE_ALL if narrowed else self.SCOPE_TODO
        super().__init__(data, *args, **kwargs)

    def filter_scope(self, queryset, name, value):
        if value == self.SCOPE_TODO:
            return awaiting_action(queryset)
        return queryset

    def filter_queryset(self, queryset):
        # An unchecked box means “no filter”, not “only findings that are not overdue”.
        if not self.form.cleaned_data.get("overdue"):
            self.form.cleaned_data["overdue"] = None
        return super().filter_queryset(queryset)

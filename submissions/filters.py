"""Filters of the article register."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q

from core.calendar import Month
from core.forms import DateInput

from .models import Article

COMPLIANT_CHOICES = [("yes", "符合要求"), ("no", "不符合要求")]
ADOPTED_CHOICES = [("city", "市级采用"), ("province", "省级采用"), ("any", "市级或省级采用"), ("none", "未采用")]


class MonthInput(forms.TextInput):
    input_type = "month"


class MonthField(forms.CharField):
    """``2024-10``; cleaned to ``Month(2024, 10)``."""

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        parsed = Month.parse(text)
        if parsed is None:
            raise forms.ValidationError(f"月份“{text}”无效，请按“2024-10”的格式填写")
        return parsed


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(received_on__gte=value.start, received_on__lt=value.end)


class ArticleFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(
        label="标题",
        method="filter_title",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "标题中的字词"}),
    )
    unit = django_filters.ModelChoiceFilter(
        label="单位", queryset=None, empty_label="全部单位", error_messages={"invalid_choice": "所选单位不存在"}
    )
    month = MonthFilter(label="收稿月份", widget=MonthInput(attrs={"placeholder": "2024-10"}))
    received_after = django_filters.DateFilter(
        label="收稿日期自",
        field_name="received_on",
        lookup_expr="gte",
        widget=DateInput(),
        error_messages={"invalid": "请填写有效日期，如2024-10-01"},
    )
    received_before = django_filters.DateFilter(
        label="至",
        field_name="received_on",
        lookup_expr="lte",
        widget=DateInput(),
        error_messages={"invalid": "请填写有效日期，如2024-10-31"},
    )
    compliant = django_filters.ChoiceFilter(
        label="是否符合要求", choices=COMPLIANT_CHOICES, empty_label="全部", method="filter_compliant"
    )
    adopted = django_filters.ChoiceFilter(
        label="采用", choices=ADOPTED_CHOICES, empty_label="全部", method="filter_adopted"
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units
        self.form.fields["unit"].queryset = units
        self.form.fields["unit"].error_messages["invalid_choice"] = "所选单位不存在"
        for name in ("compliant", "adopted"):
            self.form.fields[name].error_messages["invalid_choice"] = "请从列表中选择"

    def filter_title(self, qs, name, value):
        """Every word typed (separated by spaces) somewhere in the title."""
        for word in value.split():
            qs = qs.filter(title__icontains=word)
        return qs

    def filter_compliant(self, qs, name, value):
        if value == "yes":
            return qs.filter(is_compliant=True)
        if value == "no":
            return qs.filter(is_compliant=False)
        return qs

    def filter_adopted(self, qs, name, value):
        city = Q(city_adopted_on__isnull=False)
        province = Q(province_adopted_on__isnull=False)
        return {
            "city": qs.filter(city),
            "province": qs.filter(province),
            "any": qs.filter(city | province),
            "none": qs.filter(city_adopted_on__isnull=True, province_adopted_on__isnull=True),
        }.get(value, qs)

    @property
    def month_value(self) -> Month | None:
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("month")
        return None

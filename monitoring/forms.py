"""Forms of the monitoring pages: they parse input; the rules live in services."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from core.bounds import MAX_POINTS
from core.calendar import MAX_WORKING_DAYS
from core.forms import DateInput
from inspections.models import InspectionRound

from .importers import url_problem
from .models import Column, Requirement


class ColumnForm(forms.Form):
    name = forms.CharField(label="栏目名称", max_length=100, help_text="例如：政策文件、政务公开保障机制")
    url = forms.CharField(
        label="网址",
        max_length=500,
        help_text="栏目列表页的地址，从浏览器地址栏复制，如 http://www.linzi.gov.cn/gongkai/…/index.html",
    )
    requirement = forms.ChoiceField(label="更新要求", choices=Requirement.choices)
    selector = forms.CharField(
        label="CSS选择器", max_length=200, required=False, help_text=Column._meta.get_field("selector").help_text
    )
    counts_publications = forms.BooleanField(
        label="计入网站发布数",
        required=False,
        initial=True,
        help_text="该栏目的条目计入单位每月网站信息发布数的监测建议数。",
    )

    def clean_url(self) -> str:
        """As the columns import reads it: never a scheme guessed for a bare www. address."""
        url = self.cleaned_data["url"]
        if problem := url_problem(url):
            raise forms.ValidationError(problem)
        return url

    @classmethod
    def for_column(cls, column: Column, data=None) -> ColumnForm:
        fields = ("name", "url", "requirement", "selector", "counts_publications")
        return cls(data, initial={name: getattr(column, name) for name in fields})


class ConfirmForm(forms.Form):
    inspection = forms.ModelChoiceField(
        label="检查批次", queryset=InspectionRound.objects.all(), empty_label="请选择检查批次"
    )
    description = forms.CharField(label="问题描述", widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label="整改期限", required=False, widget=DateInput())
    working_days = forms.IntegerField(
        label="或按工作日数", required=False, min_value=1, max_value=MAX_WORKING_DAYS, help_text="自检查日期起算。"
    )
    deduction_points = forms.DecimalField(
        label="减分",
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_POINTS,
        max_digits=6,
        decimal_places=2,
        help_text="不减分则留空。",
    )


class DismissForm(forms.Form):
    reason = forms.CharField(label="忽略理由", max_length=500, help_text="例如：该栏目内容已迁移至新栏目")

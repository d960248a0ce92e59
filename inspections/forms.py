"""Forms of the inspection pages: they parse input; the rules live in services.py."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms

from core.bounds import MAX_POINTS
from core.calendar import MAX_WORKING_DAYS, Quarter
from core.forms import QUARTER_CHOICES, DateInput, quarter_just_ended
from units.models import Unit

from .models import ALLOWED_UPLOAD_EXTENSIONS, Finding, validate_evidence_file


class InspectionRoundForm(forms.Form):
    name = forms.CharField(label="批次名称", max_length=100, help_text="例如：2024年四季度检查")
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label="季度", coerce=int, choices=QUARTER_CHOICES)
    inspected_on = forms.DateField(label="检查日期", widget=DateInput())
    carry_over = forms.BooleanField(
        label="延续上一批次未整改的问题", required=False, help_text="把上一检查批次中尚未验收的问题转入本批次。"
    )
    carry_over_deadline = forms.DateField(label="延续问题的整改期限", required=False, widget=DateInput())

    @classmethod
    def with_defaults(cls, today: datetime.date) -> InspectionRoundForm:
        """Suggest the quarter just ended: in January 2025 that is 2024年四季度."""
        initial = quarter_just_ended(today)
        return cls(
            initial={
                "name": f"{Quarter(initial['year'], initial['quarter']).label}检查",
                **initial,
                "inspected_on": today,
                "carry_over": True,
            }
        )


class FindingForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none(), empty_label="请选择单位")
    category = forms.ChoiceField(label="问题类别", choices=Finding.Category.choices)
    column = forms.CharField(label="栏目", max_length=100, required=False, help_text="例如：政策文件、政策解读")
    description = forms.CharField(label="问题描述", widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label="整改期限", required=False, widget=DateInput())
    working_days = forms.IntegerField(
        label="或按工作日数",
        required=False,
        min_value=1,
        max_value=MAX_WORKING_DAYS,
        help_text="按法定节假日和调休计算，例如20个工作日。",
    )
    working_days_from = forms.DateField(
        label="自此日起算", required=False, widget=DateInput(), help_text="不填则从检查日期起算，当日不计入。"
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
    deduction_reason = forms.CharField(
        label="减分事项", max_length=300, required=False, help_text="不填则与问题描述相同。"
    )

    def __init__(self, *args, units=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units if units is not None else Unit.objects.none()

    @classmethod
    def for_finding(cls, finding: Finding, data=None) -> FindingForm:
        deduction = next(iter(sorted(finding.deductions.all(), key=lambda d: d.pk)), None)
        initial = {
            "category": finding.category,
            "column": finding.column,
            "description": finding.description,
            "deadline": finding.deadline,
            "deduction_points": deduction.points if deduction else None,
            "deduction_reason": deduction.reason if deduction and deduction.reason != finding.description else "",
        }
        return cls(data, initial=initial, editing=True)


class RectificationForm(forms.Form):
    text = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 6}))
    link = forms.URLField(
        label="链接", required=False, max_length=500, assume_scheme="https", help_text="整改后的网页地址（可选）。"
    )
    file = forms.FileField(
        label="附件",
        required=False,
        validators=[validate_evidence_file],
        help_text=f"可选，{'、'.join(ALLOWED_UPLOAD_EXTENSIONS)}格式，不超过20 MB。",
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(label="退回原因", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class AcceptForm(forms.Form):
    note = forms.CharField(label="验收意见", required=False, max_length=500)

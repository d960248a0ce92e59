"""Form helpers every app uses, and the form of the Excel upload page."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from .calendar import FIRST_YEAR, LAST_YEAR, Quarter
from .imports.reading import MAX_FILE_BYTES
from .imports.registry import kinds

DATE_MESSAGES = {"invalid": "请填写有效日期，如2024-10-05"}


def apply_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, else above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class LongSelect(forms.Select):
    """A single choice among many (a district's 2,000 units), written as the plain ``Select`` writes
    it but without a template per option: a few ms instead of 100 ms for a page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(v), " selected" if str(v) in chosen else "", label) for v, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class ChineseLabelsMixin:
    """Labels end with the Chinese colon ``：``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)


def year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=kwargs.pop("label", "年度"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "required": "请填写年度",
            "invalid": "年度应为四位数字，如2024",
            "min_value": f"年度应在{FIRST_YEAR}年至{LAST_YEAR}年之间",
            "max_value": f"年度应在{FIRST_YEAR}年至{LAST_YEAR}年之间",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        **kwargs,
    )


QUARTER_CHOICES = [(1, "一季度"), (2, "二季度"), (3, "三季度"), (4, "四季度")]


def quarter_just_ended(today: datetime.date | None = None) -> dict[str, int]:
    """``{"year", "quarter"}`` of the quarter just ended: the default of every form that asks for a
    quarter (in January 2025, and until March, 2024年四季度)."""
    quarter = Quarter.last_finished(today or timezone.localdate())
    return {"year": quarter.year, "quarter": quarter.number}


class UploadForm(ChineseLabelsMixin, forms.Form):
    kind = forms.ChoiceField(
        label="数据类型",
        widget=forms.RadioSelect,
        error_messages={"required": "请选择数据类型", "invalid_choice": "请选择数据类型"},
    )
    year = year_field()
    quarter = forms.TypedChoiceField(
        label="季度（减分事项）",
        choices=[("", "—"), *QUARTER_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "请选择季度"},
    )
    file = forms.FileField(
        label="Excel文件（.xlsx）",
        error_messages={"required": "请选择要上传的Excel文件", "empty": "上传的文件是空的", "invalid": "请选择文件"},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.key, k.label) for k in kinds()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(f"“{upload.name}”不是.xlsx文件，请在Excel中另存为.xlsx后上传")
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"文件过大（{upload.size / 1024 / 1024:.1f}MB），不能超过{MAX_FILE_BYTES // 1024 // 1024}MB"
            )
        return upload

    def clean(self):
        data = super().clean()
        kind = next((k for k in kinds() if k.key == data.get("kind")), None)
        if kind is not None and kind.needs_quarter and not data.get("quarter"):
            self.add_error("quarter", f"导入{kind.label}须选择季度")
        return data

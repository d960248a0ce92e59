"""Forms of the annual report pages (the grid's cells are parsed by ``checks.parse_typed``)."""

from __future__ import annotations

from django import forms

from core.forms import ChineseLabelsMixin, DateInput, year_field
from core.imports import MAX_FILE_BYTES
from core.imports.word import MAX_DOCUMENT_BYTES

from .grid import INPUT_PREFIX
from .layout import MAX_TEXT, NOTE_OF_TABLE, TEXT_SECTIONS, typed_keys


class OpenYearForm(ChineseLabelsMixin, forms.Form):
    year = year_field()
    unit_deadline = forms.DateField(
        label="各单位报送截止日期", required=False, widget=DateInput(), help_text="不填为次年1月31日"
    )
    district_deadline = forms.DateField(
        label="全区报告发布截止日期", required=False, widget=DateInput(), help_text="不填为次年3月31日"
    )


class DeadlinesForm(ChineseLabelsMixin, forms.Form):
    unit_deadline = forms.DateField(label="各单位报送截止日期", widget=DateInput())
    district_deadline = forms.DateField(label="全区报告发布截止日期", widget=DateInput())


class TextsForm(ChineseLabelsMixin, forms.Form):
    """The title and the free text of the report (one field per section of the national format)."""

    title = forms.CharField(label="标题", max_length=200, error_messages={"required": "请填写标题"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in TEXT_SECTIONS:
            rows = 2 if key in NOTE_OF_TABLE.values() else 4
            self.fields[key] = forms.CharField(
                label=label, required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": rows})
            )


def posted_cells(post) -> dict[str, str]:
    """The text typed in each cell of the grid that the page has (三 and 四 由登记簿生成 it has not)."""
    return {key: post[f"{INPUT_PREFIX}{key}"] for key in typed_keys() if f"{INPUT_PREFIX}{key}" in post}


class ReasonForm(forms.Form):
    reason = forms.CharField(label="退回原因", max_length=1000, error_messages={"required": "退回须说明原因。"})


class CorrectionForm(forms.Form):
    note = forms.CharField(label="更正原因", max_length=1000, error_messages={"required": "更正须说明原因。"})


class ReportUploadForm(ChineseLabelsMixin, forms.Form):
    """The unit's Word report (.docx: the whole report) or the filled-in workbook (.xlsx: the tables)."""

    file = forms.FileField(
        label="年度报告Word文档（.docx）或填好的Excel（.xlsx）",
        error_messages={"required": "请选择要上传的文件", "empty": "上传的文件是空的"},
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if name.endswith((".doc", ".wps", ".rtf", ".docm", ".dotx")):
            raise forms.ValidationError(
                f"“{upload.name}”不是.docx文件：请在Word或WPS中打开后另存为 .docx（Word 文档）再上传"
            )
        if not name.endswith((".docx", ".xlsx")):
            raise forms.ValidationError(
                f"“{upload.name}”不是Word文档（.docx）或Excel工作簿（.xlsx），请另存为 .docx 或 .xlsx 后上传"
            )
        limit = MAX_DOCUMENT_BYTES if name.endswith(".docx") else MAX_FILE_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"文件过大，不能超过{limit // 1024 // 1024}MB")
        return upload


class AdjustmentForm(ChineseLabelsMixin, forms.Form):
    """An annual adjustment: negative points are a deduction (seed 001: 拒不整改、被上级通报)."""

    unit = forms.ModelChoiceField(
        label="单位",
        queryset=None,
        empty_label="请选择单位",
        error_messages={"required": "请选择单位", "invalid_choice": "请选择单位"},
    )
    points = forms.DecimalField(
        label="调整分值",
        max_digits=6,
        decimal_places=2,
        help_text="减分填负数，如 -2",
        error_messages={"required": "请填写调整分值", "invalid": "请填写数字，如 -2 或 0.5"},
    )
    reason = forms.CharField(label="原因", max_length=300, error_messages={"required": "请填写调整原因"})

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

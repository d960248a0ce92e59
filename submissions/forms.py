"""Parsing of what the user typed: the month grid, the Excel upload and the article form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.db.models import QuerySet

from units.models import Unit

from .selectors import GRID_FIELDS, GridValues
from .services import GRID_MAX, GridRowInput

# --- The month grid ------------------------------------------------------------------------------

# Short input names keep a 2,000-unit page small: u<unit id>-<column>.
GRID_COLUMNS = {
    "publications": "pub",
    "submitted": "sub",
    "non_compliant": "nc",
    "city_adopted": "city",
    "province_adopted": "prov",
}


def cell_name(unit_id: int, field_name: str) -> str:
    return f"u{unit_id}-{GRID_COLUMNS[field_name]}"


def version_name(unit_id: int) -> str:
    return f"u{unit_id}-v"


def encode_row_state(loaded_publication: str, loaded_tally: str, original: GridValues) -> str:
    """What a row was loaded with, carried in one hidden field: ``<pub ver>:<tally ver>:<5 figures>``."""
    figures = ",".join("" if v is None else str(v) for v in original.as_dict().values())
    return f"{loaded_publication}:{loaded_tally}:{figures}"


def decode_row_state(text: str) -> tuple[str, str, GridValues] | None:
    parts = text.split(":")
    if len(parts) != 3:
        return None
    pub, tally, figures = parts
    values = figures.split(",")
    if len(values) != len(GRID_FIELDS) or not all(re.fullmatch(r"\d*", v) for v in (pub, tally, *values)):
        return None
    return pub, tally, GridValues(**{n: (int(v) if v else None) for n, v in zip(GRID_FIELDS, values, strict=True)})


def parse_cell(text: str) -> tuple[int | None, str | None]:
    """A cell's text as a whole number ≥ 0; empty is ``None``. Full-width digits are accepted."""
    clean = unicodedata.normalize("NFKC", text).strip()
    if clean == "":
        return None, None
    try:
        number = Decimal(clean)
    except InvalidOperation:
        return None, f"“{text.strip()}”不是数字"
    if not number.is_finite():
        return None, f"“{text.strip()}”不是数字"
    if number < 0:
        return None, "不能为负数"
    if number != number.to_integral_value():
        return None, "应为整数"
    if number > GRID_MAX:
        return None, f"数值过大（不能超过{GRID_MAX}）"
    return int(number), None


@dataclass
class ParsedRow:
    unit_id: int
    typed: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    state: tuple[str, str, GridValues] | None = None
    row_input: GridRowInput | None = None


STATE_NAME = re.compile(r"^u(\d+)-v$")


def posted_unit_ids(data) -> list[int]:
    """Every unit the submitted page had a row for, in page order."""
    return [int(m.group(1)) for key in data if (m := STATE_NAME.match(key))]


def parse_grid_post(data, unit_ids: list[int]) -> list[ParsedRow]:
    """The rows of a grid POST, one per unit whose state field was submitted.

    A cell absent from the POST (e.g. a total kept read-only because the month has a register)
    keeps the figure the row was loaded with.
    """
    parsed = []
    for unit_id in unit_ids:
        state_text = data.get(version_name(unit_id))
        if state_text is None:
            continue
        row = ParsedRow(unit_id=unit_id, typed={})
        row.state = decode_row_state(state_text)
        if row.state is None:
            row.errors[""] = ["该行的版本信息无效，请重新打开本页后再填写"]
        original = row.state[2] if row.state else GridValues()
        values = {}
        for name in GRID_FIELDS:
            key = cell_name(unit_id, name)
            if key not in data:
                values[name] = getattr(original, name)
                continue
            text = data.get(key, "")
            row.typed[name] = text
            number, error = parse_cell(text)
            if error:
                row.errors.setdefault(name, []).append(error)
            values[name] = number
        if not row.errors and row.state:
            pub, tally, original = row.state
            row.row_input = GridRowInput(
                unit_id=unit_id,
                loaded_publication=pub,
                loaded_tally=tally,
                original=original,
                values=GridValues(**values),
            )
        parsed.append(row)
    return parsed


MONTH_TEXT = re.compile(r"^\s*(\d{4})\s*(?:-|/|年)\s*(\d{1,2})\s*月?\s*$")


def parse_month(text: str) -> tuple[int, int] | None:
    """``2024-10`` (what ``<input type=month>`` sends), ``2024/10`` or ``2024年10月``."""
    match = MONTH_TEXT.match(unicodedata.normalize("NFKC", text or ""))
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return year, month


# --- Excel upload --------------------------------------------------------------------------------

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportKind:
    PUBLICATIONS = "publications"
    TALLIES = "tallies"
    DEDUCTIONS = "deductions"
    CHOICES = [
        (PUBLICATIONS, "网站发布数"),
        (TALLIES, "投稿合计"),
        (DEDUCTIONS, "减分事项"),
    ]
    LABELS = dict(CHOICES)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="数据类型",
        choices=ImportKind.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择数据类型", "invalid_choice": "请选择数据类型"},
    )
    year = forms.IntegerField(
        label="年度",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "请填写年度",
            "invalid": "年度应为四位数字，如2024",
            "min_value": "年度应在2000年至2100年之间",
            "max_value": "年度应在2000年至2100年之间",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    quarter = forms.TypedChoiceField(
        label="季度（减分事项）",
        choices=[("", "—"), (1, "一季度"), (2, "二季度"), (3, "三季度"), (4, "四季度")],
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(f"“{upload.name}”不是.xlsx文件，请在Excel中另存为.xlsx后上传")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"文件过大（{upload.size // 1024 // 1024}MB），不能超过10MB")
        return upload

    def clean(self):
        data = super().clean()
        if data.get("kind") == ImportKind.DEDUCTIONS and not data.get("quarter"):
            self.add_error("quarter", "导入减分事项须选择季度")
        return data


# --- Article register ----------------------------------------------------------------------------

DATE_MESSAGES = {"invalid": "请填写有效日期，如2024-10-05"}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ArticleForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="单位",
        queryset=Unit.objects.none(),
        empty_label="请选择单位",
        error_messages={"required": "请选择单位", "invalid_choice": "所选单位不存在"},
    )
    title = forms.CharField(
        label="标题",
        max_length=200,
        error_messages={"required": "请填写标题", "max_length": "标题不能超过200个字（现有%(show_value)d个字）"},
    )
    received_on = forms.DateField(
        label="收稿日期",
        widget=DateInput(),
        error_messages={"required": "请填写收稿日期", **DATE_MESSAGES},
        help_text="稿件计入收稿当月。",
    )
    char_count = forms.IntegerField(
        label="字数",
        required=False,
        min_value=0,
        error_messages={"invalid": "字数应为整数", "min_value": "字数不能为负数"},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="要求至少400字。",
    )
    is_compliant = forms.TypedChoiceField(
        label="是否符合要求",
        choices=[("1", "符合要求"), ("0", "不符合要求")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
        error_messages={"required": "请选择是否符合要求", "invalid_choice": "请选择是否符合要求"},
    )
    non_compliance_reason = forms.CharField(
        label="不符合原因",
        required=False,
        max_length=200,
        error_messages={"max_length": "不符合原因不能超过200个字"},
    )
    city_adopted_on = forms.DateField(
        label="市级采用日期", required=False, widget=DateInput(), error_messages=DATE_MESSAGES
    )
    province_adopted_on = forms.DateField(
        label="省级采用日期", required=False, widget=DateInput(), error_messages=DATE_MESSAGES
    )
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, units: QuerySet[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("请填写标题")
        return title

    def clean(self):
        data = super().clean()
        compliant = data.get("is_compliant")
        reason = (data.get("non_compliance_reason") or "").strip()
        if compliant is False and not reason:
            self.add_error("non_compliance_reason", "不符合要求的稿件须填写原因")
        if compliant is True and reason:
            self.add_error("non_compliance_reason", "符合要求的稿件不填写不符合原因")
        received = data.get("received_on")
        for name in ("city_adopted_on", "province_adopted_on"):
            adopted = data.get(name)
            if adopted and received and adopted < received:
                self.add_error(name, "采用日期不能早于收稿日期")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "unit": data["unit"],
            "title": data["title"],
            "received_on": data["received_on"],
            "char_count": data.get("char_count"),
            "is_compliant": data["is_compliant"],
            "non_compliance_reason": data.get("non_compliance_reason") or "",
            "city_adopted_on": data.get("city_adopted_on"),
            "province_adopted_on": data.get("province_adopted_on"),
        }

"""Forms of the register pages: they parse input; the rules live in the services."""

from __future__ import annotations

from django import forms

from core.forms import DateInput, year_field
from core.imports.reading import MAX_FILE_BYTES

from .catalogue import OUTCOMES, REASON_GROUPS
from .deadlines import MAX_CONSULTATION_DAYS, MAX_EXTENSION_DAYS
from .models import Appeal, Application, Consultation, ReplyLetter

DATE = {"widget": DateInput(), "error_messages": {"invalid": "请填写有效日期，如2024-10-05"}}
BASIC = ("number", "received_on", "channel", "applicant_type", "applicant_name", "applicant_contact", "content")
FACTS = ("correction_requested_on", "corrected_on", "extension_days", "extension_approver", "extension_notified_on")


def outcome_choices() -> list:
    """予以公开, 部分公开, then the reasons grouped as in table 三."""
    by_group = {key: [(o.key, o.label) for o in OUTCOMES if o.group == key] for key, _, _ in REASON_GROUPS}
    return [
        ("", "请选择处理结果"),
        *((o.key, o.name) for o in OUTCOMES if not o.group),
        *((label[3:], by_group[key]) for key, label, _ in REASON_GROUPS),
    ]


WIDGETS = {
    "received_on": DateInput(),
    "content": forms.Textarea(attrs={"rows": 4}),
    "correction_requested_on": DateInput(),
    "corrected_on": DateInput(),
    "extension_notified_on": DateInput(),
}


INVALID_DATE = {"invalid": "请填写有效日期，如2024-10-05"}
ERRORS = {
    "received_on": {**INVALID_DATE, "required": "请填写收到申请日期"},
    "content": {"required": "请填写申请内容"},
    "channel": {"required": "请选择提交方式"},
    "correction_requested_on": INVALID_DATE,
    "corrected_on": INVALID_DATE,
    "extension_notified_on": INVALID_DATE,
}


class ApplicationForm(forms.ModelForm):
    """Logging an application."""

    class Meta:
        model = Application
        fields = BASIC
        widgets = WIDGETS
        error_messages = ERRORS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].required = True
        self.fields["channel"].help_text = ""


class ApplicationEditForm(forms.ModelForm):
    """Correcting what was logged: the registration, the 补正 dates and the extension."""

    class Meta:
        model = Application
        fields = BASIC + FACTS
        widgets = WIDGETS
        error_messages = ERRORS


class DateForm(forms.Form):
    date = forms.DateField(label="日期", **DATE)

    def __init__(self, *args, label: str = "日期", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].label = label


class ConsultationForm(forms.Form):
    party = forms.ChoiceField(label="征求意见对象", choices=Consultation.Party.choices[:2])
    sent_on = forms.DateField(label="发出征求意见日期", required=False, **DATE)
    replied_on = forms.DateField(label="收到意见日期", required=False, **DATE)
    days = forms.IntegerField(
        label="或不计入期限的工作日",
        required=False,
        min_value=1,
        max_value=MAX_CONSULTATION_DAYS,
        help_text="填了两个日期就按日期之间的工作日计算。",
    )


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label="延长工作日", min_value=1, max_value=MAX_EXTENSION_DAYS, initial=MAX_EXTENSION_DAYS)
    approver = forms.CharField(label="批准人（政府信息公开工作机构负责人）", max_length=100)
    notified_on = forms.DateField(label="告知申请人日期", **DATE)


class AnswerForm(forms.Form):
    answered_on = forms.DateField(label="答复日期", **DATE)
    outcome = forms.ChoiceField(label="处理结果", choices=outcome_choices)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=300)


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=Appeal.Kind.choices)
    filed_on = forms.DateField(label="申请复议或起诉日期", **DATE)
    result = forms.ChoiceField(label="结果", choices=Appeal.Result.choices, initial=Appeal.Result.pending)
    decided_on = forms.DateField(label="审结日期", required=False, **DATE)


class AppealResultForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=Appeal.Result.choices)
    decided_on = forms.DateField(label="审结日期", required=False, **DATE)


class LetterForm(forms.ModelForm):
    class Meta:
        model = ReplyLetter
        fields = ("title", "doc_number", "addressee", "body", "signature", "date")
        widgets = {"body": forms.Textarea(attrs={"rows": 16}), "date": DateInput()}


STATUS_CHOICES = [("", "全部"), ("open", "未答复"), ("late", "超期答复"), ("answered", "已答复")]


class RegisterFilterForm(forms.Form):
    year = year_field(required=False)
    status = forms.ChoiceField(label="状态", choices=STATUS_CHOICES, required=False)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="登记簿Excel文件（.xlsx）",
        error_messages={"required": "请选择要上传的Excel文件", "empty": "上传的文件是空的"},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(f"“{upload.name}”不是.xlsx文件，请在Excel中另存为.xlsx后上传")
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"文件过大，不能超过{MAX_FILE_BYTES // 1024 // 1024}MB")
        return upload

"""Forms of the work-plan pages: they parse input; the rules live in services/."""

from __future__ import annotations

from django import forms

from core.forms import ChineseLabelsMixin, DateInput
from inspections.models import ALLOWED_UPLOAD_EXTENSIONS, validate_evidence_file
from units.models import Unit

from .models import LedgerRow, ProgressStatus


class LedgerRowForm(ChineseLabelsMixin, forms.ModelForm):
    class Meta:
        model = LedgerRow
        fields = ["measure", "time_limit", "leader", "office"]
        widgets = {"measure": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "measure": "本单位落实该项任务的具体举措，一项任务可以填写多条。",
            "time_limit": "如：6月底前、按季度、长期坚持",
        }


class ReturnForm(forms.Form):
    reason = forms.CharField(label="退回原因", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class DeadlineForm(ChineseLabelsMixin, forms.Form):
    deadline = forms.DateField(label="台账报送截止日期", widget=DateInput())


class ProgressForm(ChineseLabelsMixin, forms.Form):
    status = forms.ChoiceField(label="进展", choices=ProgressStatus.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="进展情况", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    link = forms.URLField(
        label="链接", required=False, max_length=500, assume_scheme="https", help_text="公开信息的网页地址（可选）。"
    )
    file = forms.FileField(
        label="佐证材料",
        required=False,
        validators=[validate_evidence_file],
        help_text=f"可选，{'、'.join(ALLOWED_UPLOAD_EXTENSIONS)}格式，不超过20 MB；不选则保留已上传的材料。",
    )


class PartyForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label="指定单位",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units if units is not None else Unit.objects.none()


class CarryForm(ChineseLabelsMixin, forms.Form):
    deadline = forms.DateField(
        label="转入任务的完成期限",
        widget=DateInput(),
        help_text="原为限期完成的任务改用此期限；按季度、工作日规则、长期坚持的任务沿用原时限要求。",
    )


class EventDateForm(forms.Form):
    event_date = forms.DateField(label="事项发生日期", widget=DateInput(), required=False)

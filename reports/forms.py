from django import forms

from core.formatting import visible_text
from core.forms import QUARTER_CHOICES

from .models import Notice
from .services import EDITABLE_FIELDS

TEXT_FIELDS = ("doc_number", "title", "addressee", "basis", "overview", "problems", "requirements")
TEXT_FIELDS += ("signature", "cc", "printing_office")


class DraftTextField(forms.CharField):
    """A paragraph of the draft read as the service stores it (line breaks ``\n``, invisible
    characters dropped), so that the browser's ``\r\n`` is not an unsaved change at 印发."""

    def to_python(self, value):
        return visible_text(super().to_python(value))


class NoticeForm(forms.ModelForm):
    attachments = forms.MultipleChoiceField(
        label="附件",
        choices=Notice.AttachmentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="印发时按所选样式的顺序排列（2024年样式：检查情况、投稿情况在前）。",
    )

    class Meta:
        model = Notice
        fields = list(EDITABLE_FIELDS)
        field_classes = dict.fromkeys(TEXT_FIELDS, DraftTextField)
        widgets = {
            "issue_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "rectification_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "printing_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "submissions_style": forms.RadioSelect,
            "basis": forms.Textarea(attrs={"rows": 4}),
            "overview": forms.Textarea(attrs={"rows": 6}),
            "problems": forms.Textarea(attrs={"rows": 10}),
            "requirements": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "problems": "每段一行；“一是…二是…”可按需修改；留空则不印这一节及其标题。",
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)


class NewNoticeForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label="季度", coerce=int, choices=QUARTER_CHOICES)


class IssueForm(forms.Form):
    """The 印发 part of the notice page; its fields belong to the page's one form (``notice-form``),
    so 保存草稿 posts them too and they are shown again."""

    correction_note = forms.CharField(
        label="更正说明", required=False, widget=forms.Textarea(attrs={"rows": 3, "form": "notice-form"})
    )
    confirm_incomplete = forms.BooleanField(
        label="确认按现有数据印发（未录入的月份按0分计）",
        required=False,
        widget=forms.CheckboxInput(attrs={"form": "notice-form"}),
    )

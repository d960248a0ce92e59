"""The article form: it parses input; the rules live in services.py."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet

from core.forms import DATE_MESSAGES, DateInput, LongSelect
from units.models import Unit

from .models import MIN_ARTICLE_CHARS, SHORT_ARTICLE_REASON, length_verdict


class ArticleForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="单位",
        queryset=Unit.objects.none(),
        empty_label="请选择单位",
        error_messages={"required": "请选择单位", "invalid_choice": "所选单位不存在"},
        widget=LongSelect,
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
        widget=forms.NumberInput(
            attrs={
                "inputmode": "numeric",
                "data-min-chars": MIN_ARTICLE_CHARS,
                "data-short-reason": SHORT_ARTICLE_REASON,
            }
        ),
        help_text=f"要求至少{MIN_ARTICLE_CHARS}字；不足的，自动登记为“不符合要求”，原因“{SHORT_ARTICLE_REASON}”（另填原因的以所填为准）。",
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
        # Checked as the service will save it: under 400 characters it marks the article itself.
        compliant, reason = length_verdict(
            char_count=data.get("char_count"),
            is_compliant=data.get("is_compliant"),
            reason=data.get("non_compliance_reason") or "",
        )
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

    @classmethod
    def for_article(cls, article, *, units: QuerySet[Unit], version: str) -> ArticleForm:
        initial = {
            "unit": article.unit,
            "title": article.title,
            "received_on": article.received_on,
            "char_count": article.char_count,
            "is_compliant": "1" if article.is_compliant else "0",
            "non_compliance_reason": article.non_compliance_reason,
            "city_adopted_on": article.city_adopted_on,
            "province_adopted_on": article.province_adopted_on,
            "version": version,
        }
        return cls(initial=initial, units=units)

    @property
    def loaded_version(self) -> str | None:
        """The version of the article the form was opened with (``None``: not known)."""
        return self.cleaned_data.get("version") or None

    def refresh_version(self, current: str) -> None:
        """After a refused save: if somebody else saved meanwhile, the next save overwrites knowingly
        (shown once)."""
        if self.loaded_version and current != self.loaded_version:
            self.data = self.data.copy()
            self.data["version"] = current

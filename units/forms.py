"""Forms of the units app's pages."""

from __future__ import annotations

from django import forms

from core.forms import ChineseLabelsMixin, DateInput
from core.history import HistoryFilter, tracked

from .models import Unit, User


class HistoryFilterForm(ChineseLabelsMixin, forms.Form):
    model = forms.ChoiceField(label="类别", required=False)
    unit = forms.ModelChoiceField(
        label="单位",
        queryset=Unit.objects.order_by("category", "sort_order", "name"),
        required=False,
        empty_label="全部单位",
    )
    user = forms.ModelChoiceField(
        label="操作人", queryset=User.objects.order_by("username"), required=False, empty_label="全部人员"
    )
    since = forms.DateField(
        label="自", required=False, widget=DateInput(), error_messages={"invalid": "请填写有效日期"}
    )
    until = forms.DateField(
        label="至", required=False, widget=DateInput(), error_messages={"invalid": "请填写有效日期"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", "全部"), *sorted((t.key, t.kind) for t in tracked())]

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "结束日期不能早于开始日期")
        return data

    def history_filter(self) -> HistoryFilter:
        """The filter chosen, or no filter when the form is not valid."""
        if not self.is_bound or not self.is_valid():
            return HistoryFilter()
        data = self.cleaned_data
        return HistoryFilter(
            model=data.get("model") or None,
            unit_id=data["unit"].pk if data.get("unit") else None,
            user_id=data["user"].pk if data.get("user") else None,
            since=data.get("since"),
            until=data.get("until"),
        )


class AliasForm(ChineseLabelsMixin, forms.Form):
    """A name an import did not know, saved as the alias of the unit chosen."""

    name = forms.CharField(label="文件中的名称", max_length=100, error_messages={"required": "请填写名称"})
    unit = forms.ModelChoiceField(
        label="对应单位",
        queryset=Unit.objects.none(),
        empty_label="请选择单位",
        error_messages={"required": "请选择这个名称对应的单位", "invalid_choice": "所选单位不存在"},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

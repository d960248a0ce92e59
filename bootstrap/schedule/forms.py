"""The admin's forms of the scheduled jobs: the office's tasks by Chinese name, a schedule chosen by
what it means (「在 09:00（北京时间）」), the two time zones that make sense here, and every label,
help text and error in Chinese. Beat's routing options (queues, exchanges, AMQP headers …) are
left out: the office never sets them."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from django import forms

from .models import Crontab, Interval, ScheduledTask
from .task_names import task_choices
from .text import ZONES, zone_label


class ScheduledTaskForm(forms.ModelForm):
    task = forms.ChoiceField(label="执行的任务", choices=task_choices)
    interval = forms.ModelChoiceField(
        label="执行间隔", queryset=Interval.objects.all(), required=False, help_text="与“执行时间”二选一。"
    )
    crontab = forms.ModelChoiceField(
        label="执行时间", queryset=Crontab.objects.all(), required=False, help_text="与“执行间隔”二选一。"
    )

    class Meta:
        model = ScheduledTask
        fields = ["name", "task", "enabled", "description", "interval", "crontab", "start_time", "one_off", "kwargs"]
        labels = {
            "name": "名称",
            "enabled": "启用",
            "description": "说明",
            "start_time": "开始时间",
            "one_off": "只执行一次",
            "kwargs": "参数",
        }
        help_texts = {
            "name": "在本页和提醒记录中显示的名称。",
            "enabled": "取消勾选即暂停执行。",
            "description": "",
            "start_time": "为空表示立即按时间表执行。",
            "one_off": "勾选后执行一次即自动停用。",
            "kwargs": "任务的参数（键和值），一般不需修改。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].choices = task_choices(self.instance.task or "")

    def clean_kwargs(self) -> str:
        value = self.cleaned_data["kwargs"] or "{}"
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise forms.ValidationError('参数的格式不对：应写成 {"名称": 值} 的形式，如 {"day_of_month": 20}。')
        return value

    def clean(self):
        data = super().clean()
        if data.get("interval") and data.get("crontab"):
            self.add_error("crontab", "“执行间隔”和“执行时间”只能选一个。")
        elif not data.get("interval") and not data.get("crontab"):
            self.add_error("crontab", "请选择“执行时间”或“执行间隔”。")
        return data

    def validate_unique(self):
        """Beat's own check of the schedule answers in English: ours (above) runs first, and the
        names are checked only once the schedule is right."""
        if not self.errors:
            super().validate_unique()


class CrontabForm(forms.ModelForm):
    timezone = forms.TypedChoiceField(label="时区", coerce=ZoneInfo, choices=list(ZONES.items()))

    class Meta:
        model = Crontab
        fields = ["minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone"]
        labels = {"minute": "分", "hour": "时", "day_of_month": "日", "month_of_year": "月", "day_of_week": "星期"}
        help_texts = {
            "minute": "0–59；“*”表示每分钟；多个用逗号分开（例如：“0,30”）。",
            "hour": "0–23；“*”表示每小时（例如：“9”或“8,20”）。",
            "day_of_month": "1–31；“*”表示每天（例如：“1,15”）。",
            "month_of_year": "1–12；“*”表示每月（例如：“1,7”）。",
            "day_of_week": "0–6，星期日为0，星期一为1；“*”表示每天（例如：“1-5”为星期一至星期五）。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = str(self.instance.timezone) if self.instance.pk else "Asia/Shanghai"
        if current not in ZONES:  # a zone set elsewhere stays choosable
            self.fields["timezone"].choices = [*ZONES.items(), (current, zone_label(current))]
        self.initial.setdefault("timezone", current)
        if self.instance.pk:
            self.initial["timezone"] = current


class IntervalForm(forms.ModelForm):
    class Meta:
        model = Interval
        fields = ["every", "period"]
        labels = {"every": "间隔数量", "period": "间隔单位"}
        help_texts = {"every": "例如每5分钟：填5，单位选“分钟”。", "period": ""}

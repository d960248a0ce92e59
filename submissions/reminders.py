"""Reminder: units without a counted article this month, from a day of the month on."""

from __future__ import annotations

import datetime

from django.urls import reverse

from core.calendar import Month
from core.notifications import notify
from units.models import User
from units.selectors import assessed_units_in

from .selectors import monthly_figures

DEFAULT_DAY = 20


def articles_remind(*, today: datetime.date, day_of_month: int = DEFAULT_DAY) -> str:
    """From ``day_of_month`` on, remind each unit (not exempt) that has no counted article this
    month yet; once per unit and month. Returns a summary for the job record."""
    month = Month.of(today)
    if today.day < day_of_month:
        return f"{month.label}：{day_of_month}日起才提醒，今天不提醒。"
    units = assessed_units_in(month.start, month.start).filter(submission_exempt=False)
    figures = monthly_figures(units=units, first=month, last=month)
    missing = [u for u in units if (fig := figures.get((u.pk, month))) is None or fig.counted <= 0]
    reminded = 0
    for unit in missing:
        reminded += notify(
            users=User.objects.filter(unit=unit, is_active=True),
            kind="articles",
            text=f"{unit.name}{month.label}尚无符合要求的“政务公开在行动”稿件，请在月底前报送（每月至少1篇，不少于400字）。",
            link=reverse("home"),
            key=f"articles-{month.param}",
        )
    return f"{month.label}：{len(missing)}个单位尚无合格稿件，新发提醒{reminded}条。"

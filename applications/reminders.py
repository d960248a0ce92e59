"""Reminder: applications whose answer deadline is near (in working days) or has passed, to the
unit's accounts (in-app and by mail). The reminder names the date received, never the applicant."""

from __future__ import annotations

import datetime

from django.urls import reverse

from core.formatting import format_cn_date
from core.notifications import notify
from units.models import User

from .selectors import due_soon, open_applications
from .services import due_dates_refresh

DEFAULT_WORKING_DAYS = 3


def applications_remind(*, today: datetime.date, working_days: int = DEFAULT_WORKING_DAYS) -> str:
    """Remind the unit of each open application due within ``working_days`` working days (once per
    due date) or overdue (once more). Due dates counted provisionally are computed again first."""
    refreshed = due_dates_refresh()
    near = passed = 0
    for application, left in due_soon(open_applications(), today, working_days):
        users = User.objects.filter(unit=application.unit_id, is_active=True)
        link = reverse("applications:detail", args=[application.pk])
        received, due = format_cn_date(application.received_on), format_cn_date(application.due_on)
        subject = f"{received}收到的政府信息公开申请（{application.content[:20]}）"
        if left < 0:
            text = f"依申请公开答复已超期：{subject}答复期限为{due}，请尽快答复。"
            key = f"application-{application.pk}-overdue-{application.due_on:%Y%m%d}"
            passed += notify(users=users, kind="application_overdue", text=text, link=link, key=key)
        else:
            text = f"依申请公开答复期限临近：{subject}应于{due}前答复（还有{left}个工作日）。"
            key = f"application-{application.pk}-near-{application.due_on:%Y%m%d}"
            near += notify(users=users, kind="application_near", text=text, link=link, key=key)
    summary = f"新发临近期限提醒{near}条，超期提醒{passed}条。"
    return summary + (f"重新计算答复期限{refreshed}件。" if refreshed else "")

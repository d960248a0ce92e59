"""Reminder: rectification deadlines that are near (in working days) or have passed."""

from __future__ import annotations

import datetime

from django.urls import reverse

from core.calendar import CalendarUnavailable, working_days_between
from core.formatting import format_cn_date
from core.notifications import notify
from units.models import User

from .models import OPEN_STATUSES, Finding

DEFAULT_WORKING_DAYS = 3


def _days_left(today: datetime.date, deadline: datetime.date) -> int:
    try:
        return working_days_between(today, deadline)
    except CalendarUnavailable:
        return (deadline - today).days


def findings_remind(*, today: datetime.date, working_days: int = DEFAULT_WORKING_DAYS) -> str:
    """Remind the unit of each open finding whose deadline is within ``working_days`` working days
    (once) or has passed (once more). Returns a summary for the job record."""
    near = passed = 0
    open_findings = Finding.objects.filter(status__in=OPEN_STATUSES, deadline__isnull=False).select_related("unit")
    for finding in open_findings:
        users = User.objects.filter(unit=finding.unit_id, is_active=True)
        link = reverse("inspections:finding_detail", args=[finding.pk])
        due = format_cn_date(finding.deadline)
        if finding.deadline < today:
            text = f"整改事项已逾期（期限{due}）：{finding.description[:40]}，请尽快整改并答复。"
            passed += notify(
                users=users, kind="finding_overdue", text=text, link=link, key=f"finding-{finding.pk}-overdue"
            )
        elif _days_left(today, finding.deadline) <= working_days:
            text = f"整改事项将于{due}到期：{finding.description[:40]}，请按期整改并答复。"
            near += notify(users=users, kind="finding_near", text=text, link=link, key=f"finding-{finding.pk}-near")
    return f"新发临近期限提醒{near}条，逾期提醒{passed}条。"

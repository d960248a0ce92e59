"""The nightly check: every issued quarter recomputed from live data and compared with the notice
as issued; differences are recorded and the office is told."""

from __future__ import annotations

import hashlib

from django.urls import reverse

from core.calendar import Quarter
from core.notifications import notify
from scoring.selectors import NoRuleSet, quarter_scores
from scoring.status import quarter_status
from units.models import User

from .selectors import issued_quarters


def issued_notices_check() -> str:
    lines = []
    office = User.objects.filter(role__in=[User.Role.OFFICE_STAFF, User.Role.OFFICE_ADMIN], is_active=True)
    for year, number in issued_quarters():
        quarter = Quarter(year, number)
        try:
            status = quarter_status(quarter_scores(year=year, quarter=number))
        except NoRuleSet:
            continue
        if not status.differences:
            continue
        summary = f"{quarter.label}通报（{status.issued.label}）与现有数据不一致：{len(status.differences)}个单位"
        lines.append(summary + "：" + "；".join(status.differences[:20]))
        notify(
            users=office,
            kind="issued_differs",
            text=summary + "，请核对。",
            link=reverse("scoring:quarter", args=[year, number]),
            key=f"issued-{year}-{number}-" + hashlib.sha1("\n".join(status.differences).encode()).hexdigest()[:16],
        )
    return "\n".join(lines) or f"已核对{len(issued_quarters())}个已印发季度，与现有数据一致。"

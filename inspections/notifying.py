"""Who is told about findings: the unit when a finding is opened against it and when its answer is
sent back, the office when a unit answers one (in-app, and by mail where mail is set up)."""

from __future__ import annotations

from django.urls import reverse

from core.formatting import clause, format_cn_date
from core.notifications import notify
from units.selectors import office_recipients, unit_recipients

from .models import Finding, RectificationResponse


def _link(finding: Finding) -> str:
    return reverse("inspections:finding_detail", args=[finding.pk])


def finding_opened(finding: Finding) -> None:
    due = f"，请于{format_cn_date(finding.deadline)}前整改并答复" if finding.deadline else "，请整改并答复"
    notify(
        users=unit_recipients(finding.unit_id),
        kind="finding_opened",
        text=f"检查发现问题：{clause(finding.description[:60])}{due}。",
        link=_link(finding),
        key=f"finding-{finding.pk}-opened",
    )


def rectification_answered(finding: Finding, response: RectificationResponse) -> None:
    notify(
        users=office_recipients(),
        kind="rectification_submitted",
        text=f"{finding.unit.name}已答复整改情况：{clause(finding.description[:40])}，请验收。",
        link=_link(finding),
        key=f"finding-{finding.pk}-response-{response.pk}",
    )


def rectification_returned(finding: Finding, response: RectificationResponse | None, reason: str) -> None:
    due = f"请于{format_cn_date(finding.deadline)}前" if finding.deadline else "请"
    notify(
        users=unit_recipients(finding.unit_id),
        kind="rectification_returned",
        text=f"整改情况被退回：{clause(finding.description[:40])}。原因：{clause(reason[:100])}。{due}重新整改并答复。",
        link=_link(finding),
        key=f"finding-{finding.pk}-response-{response.pk if response else 0}-returned",
    )

"""Who is told when a ledger (台账) moves: the unit when it is returned (with the reason), the
office when a unit submits (in-app, and by mail where mail is set up)."""

from __future__ import annotations

from django.urls import reverse

from core.formatting import clause
from core.notifications import notify
from units.selectors import office_recipients, unit_recipients

from .models import Ledger, LedgerTransition


def _link(ledger: Ledger) -> str:
    return reverse("workplans:ledger", args=[ledger.plan.year, ledger.unit_id])


def ledger_returned(ledger: Ledger, transition: LedgerTransition) -> None:
    notify(
        users=unit_recipients(ledger.unit_id),
        kind="ledger_returned",
        text=f"{ledger.plan.year}年政务公开工作任务台账已被区政府办公室退回，原因：{clause(transition.note)}。请修改后重新报送。",
        link=_link(ledger),
        key=f"ledger-{ledger.pk}-transition-{transition.pk}",
    )


def ledger_submitted(ledger: Ledger, transition: LedgerTransition) -> None:
    notify(
        users=office_recipients(),
        kind="ledger_submitted",
        text=f"{ledger.unit.name}已报送{ledger.plan.year}年政务公开工作任务台账。",
        link=_link(ledger),
        key=f"ledger-{ledger.pk}-transition-{transition.pk}",
    )

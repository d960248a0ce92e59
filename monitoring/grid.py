"""The answer to :data:`core.hooks.publication_proposals`: the month grid shows each unit's pending
proposed count beside the figure entered, and takes it over through ``monitoring:counts_take``."""

from __future__ import annotations

from django.urls import reverse

from core.calendar import Month
from core.hooks import ProposedFigure, ProposedFigures

from .selectors import pending_counts


def proposed_publications(month: Month, unit_ids) -> ProposedFigures | None:
    pending = pending_counts(year=month.year, month=month.month, unit_ids=unit_ids)
    if not pending:
        return None
    return ProposedFigures(
        source="栏目监测",
        take_url=reverse("monitoring:counts_take"),
        by_unit={unit_id: ProposedFigure(p.count, p.detail) for unit_id, p in pending.items()},
    )

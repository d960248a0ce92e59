"""What column freshness adds to a unit's own page (:mod:`core.panels`): its stale columns."""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from units.models import Unit, User

from .selectors import column_states, columns_visible_to


def unit_panel(*, user: User, unit: Unit, today: datetime.date) -> SafeString | None:
    """A warning about the unit's columns not updated within their period (nothing when none are)."""
    states = column_states(columns_visible_to(user).filter(unit=unit))
    stale = [s for s in states if s.stale]
    if not stale:
        return None
    return SafeString(render_to_string("monitoring/_unit_panel.html", {"unit": unit, "stale": stale}))

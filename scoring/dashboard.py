"""What a unit's quarter page (单位首页) shows, each part kept per process and change of the data it
shows (core.versioning): the unit's open findings, its articles of the quarter and its trend change
only with its own data, so a page asked for again after other units' writes costs no query for them.
Only the notifications (per account) and the panels of other apps are read on every request."""

from __future__ import annotations

import datetime

from django.utils.safestring import SafeString

from core.calendar import Quarter
from core.charts import trend_line
from core.notifications import unread_for
from core.panels import unit_panels
from core.versioning import SCORES, Kind, versioned
from inspections.selectors import open_findings_for_unit
from submissions.selectors import articles_of_quarter
from units.models import Unit, User

from .selectors import QuarterScores, data_quarter_range, unit_trend
from .status import quarter_status_current

ARTICLES_SHOWN = 100


def _of_unit(unit: Unit):
    """The unit a kept value is about: other units' changes leave it as it is."""
    return lambda _: (unit.pk,)


def open_findings(unit: Unit, today: datetime.date) -> list:
    return versioned(
        ("open_findings", unit.pk, today),
        lambda: list(open_findings_for_unit(unit, today=today)),
        kinds=(Kind.FINDINGS,),
        units=_of_unit(unit),
    )


def quarter_articles(unit: Unit, period: Quarter) -> list:
    return versioned(
        ("quarter_articles", unit.pk, period),
        lambda: list(articles_of_quarter(unit=unit, quarter=period)[:ARTICLES_SHOWN]),
        kinds=(Kind.FIGURES,),
        units=_of_unit(unit),
    )


def trend_chart(unit: Unit, period: Quarter, today: datetime.date) -> SafeString:
    """The unit's quarterly totals up to ``period`` as a line (the quarters with figures anywhere
    decide where the line has points)."""

    span = data_quarter_range()

    def draw() -> SafeString:
        trend = unit_trend(unit=unit, year=period.year, quarter=period.number, span=span)
        return trend_line([q.short_label for q, _ in trend], [t for _, t in trend], title="季度得分走势")

    return versioned(("trend_chart", unit.pk, period, today, span), draw, kinds=SCORES, units=_of_unit(unit))


def unit_quarter_context(*, user: User, unit: Unit, result: QuarterScores, today: datetime.date) -> dict:
    """The page's context for ``unit`` in the quarter of ``result``."""
    period = result.period
    score = result.for_unit(unit.pk)
    rows = (
        zip(result.months, score.figures, score.month_scores, score.quota, score.assessed, strict=True) if score else ()
    )
    return {
        "unit": unit,
        "score": score,
        "status": quarter_status_current(result),
        "result": result,
        "period": period,
        "label": period.label,
        "rows": list(rows),
        "trend_chart": trend_chart(unit, period, today),
        "articles": quarter_articles(unit, period),
        "open_findings": open_findings(unit, today),
        "notifications": list(unread_for(user)[:10]),
        "category_size": result.category_sizes[unit.category],
        "panels": unit_panels(user=user, unit=unit, today=today),
    }

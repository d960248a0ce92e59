"""A point the rule set may add to a quarterly notice's 二、主要问题: units that answered an
application for government information after its statutory deadline during the quarter
(依申请公开答复超期). The rule set in force for the quarter switches it on
(``RuleSet.late_answers_in_notice``); the register (``applications``) knows the late answers."""

from __future__ import annotations

import datetime

from applications.selectors import late_answers
from core.calendar import Quarter
from core.panels import NoticeProblem
from units.models import Unit

from .selectors import NoRuleSet, rule_set_for

LATE_ANSWERS = "依申请公开答复超期，部分单位未在法定期限内答复政府信息公开申请，如{units}等"


def late_answer_problems(*, year: int, quarter: int, as_of: datetime.date) -> list[NoticeProblem]:
    """Assessed units with an answer given late in the quarter (up to ``as_of``), when the rules say so."""
    try:
        rules = rule_set_for(year, quarter)
    except NoRuleSet:
        return []
    if not rules.late_answers_in_notice:
        return []
    period = Quarter(year, quarter)
    end = min(period.end, as_of + datetime.timedelta(days=1))
    units = {a.unit for a in late_answers(period.start, end) if a.unit.is_assessed}
    ordered = sorted(units, key=lambda u: (u.category != Unit.Category.DEPARTMENT, u.sort_order, u.name))
    return [NoticeProblem(LATE_ANSWERS, [u.name for u in ordered])] if ordered else []

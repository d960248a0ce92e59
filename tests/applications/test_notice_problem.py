"""Answers given late can be counted into the quarterly notice's 二、主要问题 as 依申请公开答复超期: a
switch of the rule set in force for the quarter, off in the shipped rules."""

import datetime

import pytest

from core.panels import notice_problems
from reports.drafting import draft_notice
from scoring.models import RuleSet
from scoring.services import rule_set_save

from .helpers import logged

pytestmark = pytest.mark.django_db
D = datetime.date
SENTENCE = "依申请公开答复超期，部分单位未在法定期限内答复政府信息公开申请，如人社局等"


@pytest.fixture
def answers(renshe, shangwu):
    # Fri 13 Sep 2024 → due Thu 17 Oct 2024; answered Mon 21 Oct: late, in Q4.
    logged(renshe, D(2024, 9, 13), answered_on=D(2024, 10, 21), outcome="granted")
    # In time.
    logged(shangwu, D(2024, 9, 13), answered_on=D(2024, 10, 17), outcome="granted")
    # Late, but in Q3: Mon 1 Jul 2024 → due Mon 29 Jul; answered 30 Jul.
    logged(shangwu, D(2024, 7, 1), answered_on=D(2024, 7, 30), outcome="granted")


def switch(on: bool) -> None:
    rules = RuleSet.objects.get(valid_from=D(2024, 1, 1))
    rules.late_answers_in_notice = on
    rule_set_save(rule_set=rules, acting_user=None)


def late_problems(year, quarter):
    return [p for p in notice_problems(year=year, quarter=quarter, as_of=D(2025, 1, 10)) if "依申请公开" in p.template]


def test_off_in_the_shipped_rules(answers):
    assert RuleSet.objects.filter(late_answers_in_notice=True).count() == 0
    assert late_problems(2024, 4) == []
    assert SENTENCE not in draft_notice(year=2024, quarter=4, issue_date=D(2025, 1, 10)).problems


def test_switched_on_the_quarters_late_answers_are_a_problem_of_the_notice(answers):
    switch(True)
    (problem,) = late_problems(2024, 4)
    assert problem.units == ["区人社局"]
    assert [p.units for p in late_problems(2024, 3)] == [["区商务局"]]
    assert SENTENCE in draft_notice(year=2024, quarter=4, issue_date=D(2025, 1, 10)).problems
    # A notice drafted on 20 Oct, before the late answer, does not know of it.
    assert [p for p in notice_problems(year=2024, quarter=4, as_of=D(2024, 10, 20)) if "依申请公开" in p.template] == []

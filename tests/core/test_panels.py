"""The registry through which upper apps add panels to a unit's page and problems to the notice draft."""

import datetime

import pytest
from django.utils.safestring import SafeString

from core import panels
from core.panels import NoticeProblem, NoticeProblemSource, UnitPanel


@pytest.fixture
def empty(monkeypatch):
    monkeypatch.setattr(panels, "_PANELS", {})
    monkeypatch.setattr(panels, "_PROBLEMS", {})


TODAY = datetime.date(2025, 1, 10)


def test_panels_in_their_order_and_empty_ones_left_out(empty):
    seen = []

    def render(text):
        def draw(*, user, unit, today):
            seen.append((user, unit, today))
            return SafeString(text) if text else None

        return draw

    panels.register_unit_panel(UnitPanel(key="b", title="乙", render=render("<p>乙</p>"), order=2))
    panels.register_unit_panel(UnitPanel(key="a", title="甲", render=render("<p>甲</p>"), order=1))
    panels.register_unit_panel(UnitPanel(key="c", title="丙", render=render(""), order=0))

    shown = panels.unit_panels(user="u", unit="unit", today=TODAY)

    assert [(p.key, p.title, str(p.html)) for p in shown] == [("a", "甲", "<p>甲</p>"), ("b", "乙", "<p>乙</p>")]
    assert seen == [("u", "unit", TODAY)] * 3


def test_registering_again_replaces(empty):
    panels.register_unit_panel(UnitPanel(key="a", title="旧", render=lambda **_: SafeString("x")))
    panels.register_unit_panel(UnitPanel(key="a", title="新", render=lambda **_: SafeString("y")))

    assert [p.title for p in panels.unit_panels(user=None, unit=None, today=TODAY)] == ["新"]


def test_notice_problems_without_units_are_dropped(empty):
    asked = []

    def problems(*, year, quarter, as_of):
        asked.append((year, quarter, as_of))
        return [NoticeProblem("甲方面，如{units}等", ["区财政局"]), NoticeProblem("乙方面，如{units}等", [])]

    panels.register_notice_problems(NoticeProblemSource(key="x", problems=problems))

    found = panels.notice_problems(year=2024, quarter=4, as_of=TODAY)

    assert found == [NoticeProblem("甲方面，如{units}等", ["区财政局"])]
    assert asked == [(2024, 4, TODAY)]


def test_the_work_plan_registers_its_panel_and_problems():
    assert "workplans" in panels._PANELS
    assert "workplans" in panels._PROBLEMS


def test_the_notice_words_offered_problems_with_its_unit_list():
    from reports.drafting import problems_text

    class Scores:
        rows = []

    text = problems_text(
        Scores(), [], [NoticeProblem("工作方案任务落实方面存在逾期问题，如{units}等", ["区财政局", "凤凰镇"])]
    )

    assert text == "一是工作方案任务落实方面存在逾期问题，如财政局、凤凰镇等。"

"""时限要求 understood: dates, recurrences, rules counted from an event in working days, periods, standing tasks."""

import datetime

import pytest

from workplans.periods import task_periods
from workplans.timelimits import EventRule, Recurrence, TimeLimitKind, add_working_days_or_weekdays, parse_time_limit

D = datetime.date


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2022年8月底前", D(2022, 8, 31)),
        ("2022年 8月 底前", D(2022, 8, 31)),  # line breaks of a Word cell
        ("6月底前", D(2022, 6, 30)),
        ("2月底前", D(2022, 2, 28)),
        ("年底前", D(2022, 12, 31)),
        ("2022 年年底前基本完成改造", D(2022, 12, 31)),
        ("9月15日前", D(2022, 9, 15)),
        ("10月中旬前", D(2022, 10, 20)),
        ("２０２３年３月底前", D(2023, 3, 31)),  # full-width digits
        ("长期落实推动校务公开工作，2022年8月底前要明确并通过政府网站向社会公开适用主体清单", D(2022, 8, 31)),
    ],
)
def test_dates(text, due):
    limit = parse_time_limit(text, 2022)

    assert (limit.kind, limit.due) == (TimeLimitKind.DATE, due)


def test_a_standing_duty_with_a_dated_step_is_both():
    limit = parse_time_limit("长期落实医疗卫生机构信息公开工作，2022年8月底前要通过区政府网站公开", 2022)

    assert (limit.kind, limit.ongoing, limit.summary) == (TimeLimitKind.DATE, True, "2022年8月31日前；长期坚持")


@pytest.mark.parametrize(
    ("text", "recurrence", "offset"),
    [
        ("按季度公开", Recurrence.QUARTERLY, None),
        ("每季度更新", Recurrence.QUARTERLY, None),
        ("每月公开", Recurrence.MONTHLY, None),
        ("每月后10个工作日内公开年度计划任务量完成进度", Recurrence.MONTHLY, 10),
        ("每季度结束后15个工作日内", Recurrence.QUARTERLY, 15),
        ("每半年公开一次", Recurrence.HALF_YEARLY, None),
        ("每年公开", Recurrence.YEARLY, None),
    ],
)
def test_recurrences(text, recurrence, offset):
    limit = parse_time_limit(text, 2022)

    assert (limit.kind, limit.recurrence, limit.offset, limit.events) == (
        TimeLimitKind.RECURRING,
        recurrence,
        offset,
        (),
    )


def test_event_rules_in_working_days():
    limit = parse_time_limit(
        "信息形成或者变更之日起 20 个工作日内公开，行政处罚信息于处罚结果作出后 7 个工作日内公开", 2022
    )

    assert limit.kind == TimeLimitKind.EVENT
    assert limit.events == (EventRule("信息形成或者变更", 20), EventRule("处罚结果作出", 7))
    assert limit.summary == "信息形成或者变更后20个工作日内；处罚结果作出后7个工作日内"


def test_the_event_is_the_clause_before_the_days():
    first = "对行政规范性文件的首次解读材料应于文件公开后3个工作日内公开，根据实际情况，适时开展跟踪解读"
    second = "年度建设计划信息应在方案、计划确定后20个工作日内公开；每月后10个工作日内公开完成进度，项目竣工后20个工作日内公开"

    assert parse_time_limit(first, 2022).events == (EventRule("文件公开", 3),)
    limit = parse_time_limit(second, 2022)
    assert (limit.kind, limit.recurrence, limit.offset) == (TimeLimitKind.RECURRING, Recurrence.MONTHLY, 10)
    assert [rule.event for rule in limit.events] == ["方案、计划确定", "项目竣工"]


def test_calendar_days():
    assert parse_time_limit("收到申请之日起15日内答复", 2022).events == (EventRule("收到申请", 15, working=False),)
    assert EventRule("收到申请", 15, working=False).deadline(D(2022, 9, 30)) == D(2022, 10, 15)


def test_working_days_skip_the_national_day_holiday_and_count_its_make_up_weekend():
    """国庆 2022: 1–7 October off, Saturday 8 and Sunday 9 October are make-up workdays (调休)."""
    three = EventRule("文件公开", 3)

    assert three.deadline(D(2022, 9, 30)) == D(2022, 10, 10)  # 8, 9 (调休), 10
    assert EventRule("信息形成或者变更", 20).deadline(D(2022, 9, 20)) == D(2022, 10, 21)


def test_working_days_across_the_spring_festival():
    """春节 2022: 31 January – 6 February off; Saturday 29 and Sunday 30 January worked."""
    assert EventRule("处罚结果作出", 7).deadline(D(2022, 1, 28)) == D(2022, 2, 11)


def test_a_year_without_a_holiday_calendar_counts_weekdays():
    assert add_working_days_or_weekdays(D(2030, 1, 4), 3) == D(2030, 1, 9)  # Fri → Mon, Tue, Wed


@pytest.mark.parametrize(
    ("text", "kind", "summary"),
    [
        ("疫情防控期间", TimeLimitKind.PERIOD, "疫情防控期间"),
        ("长期坚持", TimeLimitKind.ONGOING, "长期坚持"),
        ("长期公示", TimeLimitKind.ONGOING, "长期坚持"),
        ("各类保险信息定期公开，目录一次性发布，动态调整", TimeLimitKind.ONGOING, "长期坚持"),
        ("重大行政决策向社会公开征求意见的，征求意见期限不少于30日", TimeLimitKind.OTHER, "按原文要求"),
        ("", TimeLimitKind.NONE, "未规定期限"),
        ("  ", TimeLimitKind.NONE, "未规定期限"),
    ],
)
def test_periods_standing_tasks_and_the_rest(text, kind, summary):
    limit = parse_time_limit(text, 2022)

    assert (limit.kind, limit.summary) == (kind, summary)


def test_a_quarterly_task_has_four_periods_due_at_each_quarter_end():
    periods = task_periods(year=2022, recurrence=Recurrence.QUARTERLY)

    assert [(p.key, p.label, p.due) for p in periods] == [
        ("Q1", "一季度", D(2022, 3, 31)),
        ("Q2", "二季度", D(2022, 6, 30)),
        ("Q3", "三季度", D(2022, 9, 30)),
        ("Q4", "四季度", D(2022, 12, 31)),
    ]


def test_a_monthly_task_with_working_days_after_each_month():
    periods = task_periods(year=2022, recurrence=Recurrence.MONTHLY, offset=10)

    assert len(periods) == 12
    assert (periods[8].key, periods[8].label, periods[8].due) == ("M09", "9月", D(2022, 10, 19))  # over 国庆
    assert periods[2].due == D(2022, 4, 15)


def test_other_tasks_have_one_period_the_whole_year():
    dated = task_periods(year=2022, recurrence="", due=D(2022, 8, 31))
    standing = task_periods(year=2022, recurrence="")

    assert [(p.key, p.label, p.due) for p in dated] == [("Y", "全年", D(2022, 8, 31))]
    assert [(p.key, p.due) for p in standing] == [("Y", None)]
    assert [(p.key, p.label) for p in task_periods(year=2022, recurrence=Recurrence.HALF_YEARLY)] == [
        ("H1", "上半年"),
        ("H2", "下半年"),
    ]

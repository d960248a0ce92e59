"""Tables 三 and 四 computed from a year of the register, with applications carried over from the
year before and into the next: every number exactly as counted by hand, and the 勾稽关系 of the
annual report (its own checks) holding by construction."""

import datetime

import pytest

from annual_reports.checks import check_values
from annual_reports.layout import REQUESTS, complete
from applications.services import appeal_record, correction_request
from applications.tables import ROWS, unit_tables

from .helpers import logged

pytestmark = pytest.mark.django_db
D = datetime.date
ZERO = [0] * 7


@pytest.fixture
def register(renshe):
    def log(received, kind="natural", answered=None, outcome=None):
        if answered:
            return logged(renshe, received, applicant_type=kind, answered_on=answered, outcome=outcome)
        return logged(renshe, received, applicant_type=kind)

    log(D(2023, 11, 1), answered=D(2023, 11, 20), outcome="granted")  # answered in 2023: not in 2024's tables
    log(D(2023, 12, 15), answered=D(2024, 1, 10), outcome="granted")  # a: carried into 2024
    log(D(2023, 12, 28), "business", D(2024, 1, 20), "partly")  # b: carried into 2024
    log(D(2023, 12, 29), answered=D(2025, 1, 6), outcome="refused_5")  # d: carried into 2024 and into 2025
    log(D(2024, 2, 2), answered=D(2024, 3, 1), outcome="granted")  # e
    f = log(D(2024, 3, 4), answered=D(2024, 4, 1), outcome="refused_4")
    appeal_record(
        application=f,
        kind="review",
        filed_on=D(2024, 4, 20),
        result="upheld",
        decided_on=D(2024, 6, 1),
        acting_user=None,
    )
    log(D(2024, 4, 10), "research", D(2024, 5, 6), "unable_1")  # g
    log(D(2024, 5, 6), "welfare", D(2024, 5, 20), "not_processed_2")  # h
    i = log(D(2024, 6, 3), "legal")
    correction_request(application=i, requested_on=D(2024, 6, 5), acting_user=None)
    logged_answer(i, D(2024, 7, 1), "other_1")
    j = log(D(2024, 7, 1), "other_org", D(2024, 7, 29), "partly")
    # Decided in 2025: 尚未审结 as of 31 December 2024.
    appeal_record(
        application=j,
        kind="direct",
        filed_on=D(2024, 9, 2),
        result="corrected",
        decided_on=D(2025, 2, 3),
        acting_user=None,
    )
    k = log(D(2024, 8, 5), answered=D(2024, 8, 20), outcome="granted")
    appeal_record(
        application=k,
        kind="after",
        filed_on=D(2024, 10, 8),
        result="other",
        decided_on=D(2024, 12, 16),
        acting_user=None,
    )
    log(D(2024, 12, 20))  # l: not answered
    log(D(2024, 12, 23), "business", D(2025, 1, 10), "granted")  # m: answered next year
    log(D(2025, 3, 3), answered=D(2025, 3, 20), outcome="granted")  # n
    return renshe


def logged_answer(application, answered_on, outcome):
    from applications.services import answer_record

    return answer_record(application=application, answered_on=answered_on, outcome=outcome, acting_user=None)


def rows_of(tables) -> dict[str, list[int]]:
    return {label: row for label, row in tables.as_json()["三"].items() if row != ZERO}


def test_2024_from_the_register(register, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        tables = unit_tables(register, 2024)
    assert rows_of(tables) == {
        #                                  自然人 商业 科研 公益 法律 其他 总计
        "一、本年新收政府信息公开申请数量": [4, 1, 1, 1, 1, 1, 9],  # e f k l | m | g | h | i | j
        "二、上年结转政府信息公开申请数量": [2, 1, 0, 0, 0, 0, 3],  # a d | b
        "（一）予以公开": [3, 0, 0, 0, 0, 0, 3],  # a e k
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [0, 1, 0, 0, 0, 1, 2],  # b | j
        "4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],  # f
        "1.本机关不掌握相关政府信息": [0, 0, 1, 0, 0, 0, 1],  # g
        "2.重复申请": [0, 0, 0, 1, 0, 0, 1],  # h
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 0, 0, 0, 1, 0, 1],  # i
        "（七）总计": [4, 1, 1, 1, 1, 1, 9],
        "四、结转下年度继续办理": [2, 1, 0, 0, 0, 0, 3],  # d l | m
    }
    # 行政复议: f 维持; 未经复议直接起诉: j (decided in 2025) 尚未审结; 复议后起诉: k 其他结果.
    assert tables.as_json()["四"] == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1]
    # The 25 rows, labelled exactly as the national table (the annual report's layout) prints them.
    assert list(tables.as_json()["三"]) == [row.labels[-1] for row in REQUESTS.rows]
    assert len(ROWS) == 25


def test_2025_starts_with_what_2024_carried_over(register):
    tables = unit_tables(register, 2025)
    assert rows_of(tables) == {
        "一、本年新收政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],  # n
        "二、上年结转政府信息公开申请数量": [2, 1, 0, 0, 0, 0, 3],  # d l | m
        "（一）予以公开": [1, 1, 0, 0, 0, 0, 2],  # n | m
        "5.属于三类内部事务信息": [1, 0, 0, 0, 0, 0, 1],  # d
        "（七）总计": [2, 1, 0, 0, 0, 0, 3],
        "四、结转下年度继续办理": [1, 0, 0, 0, 0, 0, 1],  # l
    }
    assert tables.as_json()["四"] == [0] * 15


def test_the_annual_reports_checks_hold_by_construction_also_across_years(register):
    previous = complete(unit_tables(register, 2024).values)
    current = complete(unit_tables(register, 2025).values)
    assert [p.message for p in check_values(previous) if p.is_error] == []
    assert [p.message for p in check_values(current, previous=previous, previous_year=2024) if p.is_error] == []
    # The computed totals are the report's own totals.
    assert all(previous[key] == value for key, value in unit_tables(register, 2024).values.items())


def test_another_units_applications_are_not_counted(register, shangwu):
    logged(shangwu, D(2024, 5, 5))
    assert unit_tables(register, 2024).row("new") == [4, 1, 1, 1, 1, 1, 9]
    assert unit_tables(shangwu, 2024).row("new") == [1, 0, 0, 0, 0, 0, 1]

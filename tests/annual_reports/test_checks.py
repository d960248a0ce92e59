"""Every check of the report (勾稽关系), each with its exact message naming the rule and the cells."""

from decimal import Decimal

import pytest

from annual_reports.checks import (
    ERROR,
    WARNING,
    browser_spec,
    check_values,
    equations,
    parse_cell,
    parse_typed,
)
from annual_reports.layout import complete, typed_keys, with_given_totals


def typed(values: dict) -> dict:
    return {key: values[key] for key in typed_keys()}


def messages(problems) -> list[str]:
    return [p.message for p in problems]


def test_seed_002_passes_every_check(seed_values):
    assert check_values(seed_values, require_all=True) == []


def test_balance_per_column(seed_values):
    values = typed(seed_values)
    values["new.natural"] = 13
    problems = check_values(complete(values))
    assert messages(problems) == [
        "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收13 + 二、上年结转2 = 15，"
        "三、（七）总计14 + 四、结转下年度继续办理0 = 14，两者不等。"
    ]
    assert problems[0].cells == ("new.natural", "carried.natural", "answered.natural", "pending.natural")
    assert problems[0].level == ERROR


def test_answered_total_is_the_sum_of_the_outcomes(seed_values):
    values = dict(seed_values)
    values["answered.natural"] = 15
    values["answered.total"] = 15
    problems = check_values(values)
    assert (
        "（七）总计等于（一）至（六）各项之和：“自然人”列 （七）总计15，（一）至（六）各项之和14，两者不等。"
        in messages(problems)
    )


def test_row_total_is_natural_persons_plus_the_five_organisations(seed_values):
    values = dict(seed_values)
    values["new.total"] = 13
    assert messages(check_values(values)) == [
        "总计等于自然人与法人或其他组织各列之和：“一、本年新收政府信息公开申请数量”行 总计13，"
        "自然人12 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 12，两者不等。"
    ]


def test_row_total_names_the_outcome_row_with_its_group(seed_values):
    values = dict(seed_values)
    values["refused_1.total"] = 1
    assert messages(check_values(values)) == [
        "总计等于自然人与法人或其他组织各列之和：“（三）不予公开：1.属于国家秘密”行 总计1，"
        "自然人0 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 0，两者不等。"
    ]


def test_each_total_of_appeals_is_the_sum_of_its_four_results(seed_values):
    values = dict(seed_values)
    values["cases.review_upheld"] = 1
    values["cases.review_total"] = 2
    values["cases.after_total"] = 1
    assert messages(check_values(values)) == [
        "总计等于结果维持、结果纠正、其他结果、尚未审结之和：行政复议 总计2，结果维持1 + 结果纠正0 + 其他结果0 + 尚未审结0 = 1，两者不等。",
        "总计等于结果维持、结果纠正、其他结果、尚未审结之和：行政诉讼（复议后起诉） 总计1，"
        "结果维持0 + 结果纠正0 + 其他结果0 + 尚未审结0 = 0，两者不等。",
    ]


def test_totals_given_in_a_file_are_checked_and_missing_ones_computed(seed_values):
    given = typed(seed_values)
    given["new.total"] = 12
    assert with_given_totals(given)["answered.total"] == 14
    assert check_values(with_given_totals(given), require_all=True) == []
    given["pending.total"] = 1
    assert messages(check_values(with_given_totals(given))) == [
        "总计等于自然人与法人或其他组织各列之和：“四、结转下年度继续办理”行 总计1，"
        "自然人0 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 0，两者不等。"
    ]


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("new.natural", "-1", "件数应为不小于0的整数：一、本年新收政府信息公开申请数量“自然人”填写的是“-1”。"),
        ("granted.legal", "1.5", "件数应为不小于0的整数：（一）予以公开“法律服务机构”填写的是“1.5”。"),
        ("cases.review_upheld", "两件", "件数应为不小于0的整数：行政复议“结果维持”填写的是“两件”。"),
        (
            "fees.amount",
            "1.2345678",
            "金额应为不小于0的数，最多六位小数：行政事业性收费“本年收费金额（单位：万元）”填写的是“1.2345678”。",
        ),
        (
            "fees.amount",
            "-3",
            "金额应为不小于0的数，最多六位小数：行政事业性收费“本年收费金额（单位：万元）”填写的是“-3”。",
        ),
        ("normative.issued", "100001", "数值不能超过100000：行政规范性文件“本年制发件数”填写的是“100001”。"),
    ],
)
def test_whole_numbers_and_amounts(key, raw, message):
    value, problem = parse_cell(key, raw)
    assert value is None
    assert problem.message == message
    assert problem.cells == (key,)


def test_valid_cells_full_width_digits_and_amounts_to_the_fen():
    assert parse_cell("new.natural", " １２ ") == (12, None)
    assert parse_cell("fees.amount", "12.50") == (Decimal("12.50"), None)
    assert str(parse_cell("fees.amount", "0.012345")[0]) == "0.012345"
    assert str(parse_cell("fees.amount", "1.200000")[0]) == "1.200000"
    assert parse_cell("fees.amount", "") == (None, None)


def test_parse_typed_reports_every_bad_cell_in_national_order():
    raw = {key: "0" for key in typed_keys()}
    raw["cases.after_other"] = "x"
    raw["regulations.issued"] = "y"
    values, problems = parse_typed(raw)
    assert [p.cells for p in problems] == [("regulations.issued",), ("cases.after_other",)]
    assert values["new.natural"] == 0


def test_every_cell_must_be_filled_on_submit(seed_values):
    values = dict(seed_values)
    values["granted.welfare"] = None
    values["cases.after_pending"] = None
    problems = check_values(complete(typed(values)), require_all=True)
    assert messages(problems) == ["每一格都应填写，没有的填0：还有2格未填写，如（一）予以公开“社会公益组织”。"]
    assert problems[0].cells == ("granted.welfare", "cases.after_pending")


def test_a_draft_may_be_incomplete_checks_skip_empty_cells():
    assert check_values(complete({"new.natural": 3})) == []


def test_carried_over_equals_last_years_pending_once_last_year_exists(seed_values):
    last_year = dict(seed_values)
    last_year["pending.natural"] = 3
    last_year["normative.in_force"] = 14
    problems = check_values(seed_values, previous=last_year, previous_year=2023)
    assert messages(problems) == [
        "本年上年结转等于上年结转下年度继续办理：“自然人”列 本年二、上年结转2，2023年四、结转下年度继续办理3，两者不等。"
    ]
    assert problems[0].level == ERROR
    assert problems[0].cells == ("carried.natural",)
    assert check_values(seed_values, previous=None, previous_year=2023) == []


def test_documents_in_force_follow_last_year_as_a_warning(seed_values):
    last_year = dict(seed_values)
    last_year["normative.in_force"] = 15
    last_year["pending.natural"] = 2
    problems = check_values(seed_values, previous=last_year, previous_year=2023)
    assert messages(problems) == [
        "现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数：行政规范性文件 现行有效件数9，"
        "2023年现行有效件数15 + 本年制发件数1 - 本年废止件数6 = 10，两者不等。"
    ]
    assert problems[0].level == WARNING


def test_the_browser_runs_the_same_equations(seed_values):
    last_year = dict(seed_values)
    last_year["pending.natural"] = 3
    spec = browser_spec(last_year, 2023)
    assert len(spec["equations"]) == len(equations(2023))
    carried = next(e for e in spec["equations"] if e["rule"].startswith("本年上年结转"))
    assert carried["right"] == [{"label": "2023年四、结转下年度继续办理", "cells": [], "sign": 1, "constant": "3"}]
    assert spec["names"]["new.natural"] == "一、本年新收政府信息公开申请数量“自然人”"
    assert spec["amounts"] == ["fees.amount"]
    assert len(browser_spec(None, 2023)["equations"]) == len(equations())

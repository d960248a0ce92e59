"""``manage.py quarter_scores --json``: the contract other tools rely on."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests.factories import DeductionFactory, PublicationFactory, TallyFactory, UnitFactory


def test_json_contract(db, capsys):
    unit = UnitFactory(name="区商务局")
    for month, count in zip((7, 8, 9), (12, 1, 11), strict=True):
        PublicationFactory(unit=unit, month=month, count=count)
    TallyFactory(unit=unit, month=8, submitted=1, city_adopted=1)
    DeductionFactory(unit=unit, reason="公开事项标准目录未上传", points=Decimal("5"))
    town = UnitFactory(name="皇城镇", category="镇街")
    TallyFactory(unit=town, month=8, submitted=2, non_compliant=1)

    call_command("quarter_scores", "--year", "2020", "--quarter", "3", "--json")

    assert json.loads(capsys.readouterr().out) == [
        {
            "unit": "区商务局",
            "category": "部门",
            "months": [12, 1, 11],
            "complete": True,
            "publication_score": 10.5,
            "bonus": 1,
            "bonus_in_total": 0,
            "deduction": 6,
            "total": 4.5,
            "rank": 1,
            "deduction_items": [
                {"reason": "公开事项标准目录未上传", "points": 5},
                {"reason": "9月份未投稿", "points": 1},
            ],
            "articles": {
                "submitted": [0, 1, 0],
                "non_compliant": [0, 0, 0],
                "city_adopted": [0, 1, 0],
                "province_adopted": [0, 0, 0],
            },
        },
        {
            "unit": "皇城镇",
            "category": "镇街",
            "months": [None, None, None],
            "complete": False,
            "publication_score": 0,
            "bonus": 0,
            "bonus_in_total": 0,
            "deduction": 1,
            "total": -1,
            "rank": 1,
            "deduction_items": [{"reason": "9月份未投稿", "points": 1}],
            "articles": {
                "submitted": [0, 2, 0],
                "non_compliant": [0, 1, 0],
                "city_adopted": [0, 0, 0],
                "province_adopted": [0, 0, 0],
            },
        },
    ]


def test_text_output(db, capsys):
    unit = UnitFactory(name="区商务局")
    PublicationFactory(unit=unit, month=7, count=3)

    call_command("quarter_scores", "--year", "2020", "--quarter", "3")

    assert capsys.readouterr().out.splitlines() == [
        "2020年三季度得分（规则：2020年考核规则）",
        "部门 第 1名（暂定） 区商务局：3 / 未录入 / 未录入，累计1.5，加分0，减分2，合计-0.5",
    ]


def test_no_rule_set_for_the_period(db):
    with pytest.raises(CommandError) as error:
        call_command("quarter_scores", "--year", "2019", "--quarter", "4")

    assert str(error.value) == "没有适用于2019年四季度的计分规则，请管理员先设置计分规则。"


def test_annual_scores_json(db, capsys):
    unit = UnitFactory(name="区商务局")
    for month in (7, 8, 9):
        PublicationFactory(unit=unit, month=month, count=10)
        TallyFactory(unit=unit, month=month, submitted=1, province_adopted=1 if month == 9 else 0)

    call_command("annual_scores", "--year", "2020", "--quarters", "3", "--json")

    assert json.loads(capsys.readouterr().out) == [
        {
            "unit": "区商务局",
            "category": "部门",
            "quarter_totals": [15],
            "quarters_sum": 15,
            "adoption_bonus": 1,
            "total": 16,
            "rank": 1,
            "adjustments": [],
            "adjustment": 0,
            "final_total": 16,
        }
    ]

"""责任单位 understood: lists, roles, group phrases, described parties, unknown names."""

import pytest

from tests.factories import TownFactory, UnitAliasFactory, UnitFactory
from units.models import Unit
from units.selectors import UnitResolver
from workplans.responsibility import ResponsibilityError, expand, parse_responsibility
from workplans.services.imports import group_units


@pytest.fixture
def district(db):
    for name in ("区发改局", "区财政局", "区司法局", "区市场监管局", "区科技局", "区行政审批服务局"):
        UnitFactory(name=name)
    UnitAliasFactory(unit=UnitFactory(name="区退役军人事务局"), name="区退役军人局")
    UnitFactory(name="区市民投诉中心", is_assessed=False)
    for name in ("凤凰镇", "稷下街道"):
        TownFactory(name=name)
    return UnitResolver.from_db()


def parse(text, resolver):
    return [
        (p.text, p.role, p.unit.name if p.unit else "", p.group, p.party) for p in parse_responsibility(text, resolver)
    ]


def test_a_list_separated_by_either_mark(district):
    assert parse("区财政局、区发改局，区退役军人局", district) == [
        ("区财政局", "responsible", "区财政局", "", ""),
        ("区发改局", "responsible", "区发改局", "", ""),
        ("区退役军人局", "responsible", "区退役军人事务局", "", ""),
    ]


def test_lead_and_those_who_carry_it_out(district):
    assert parse("区发改局牵头，有关职能部门落实", district) == [
        ("区发改局", "lead", "区发改局", "", ""),
        ("有关职能部门", "cooperating", "", "", "有关职能部门"),
    ]
    assert parse("区司法局牵头、重大行政决策承办部门单位具体落实相关工作", district)[1] == (
        "重大行政决策承办部门单位",
        "cooperating",
        "",
        "",
        "重大行政决策承办部门单位",
    )
    assert [p[1] for p in parse("区财政局、区发改局牵头，区科技局配合", district)] == ["lead", "lead", "cooperating"]


def test_and_related_units(district):
    assert parse("区科技局及相关部门单位", district) == [
        ("区科技局", "lead", "区科技局", "", ""),
        ("相关部门单位", "cooperating", "", "", "相关部门单位"),
    ]


def test_group_phrases_are_kept_whole_and_take_the_role_after_them(district):
    assert parse("区司法局牵头，各镇、街道，区政府各部门单位落实", district) == [
        ("区司法局", "lead", "区司法局", "", ""),
        ("各镇、街道", "cooperating", "", "镇街", ""),
        ("区政府各部门单位", "cooperating", "", "部门", ""),
    ]
    assert parse("各镇、街道，区行政审批服务局、区市民投诉中心", district) == [
        ("各镇、街道", "responsible", "", "镇街", ""),
        ("区行政审批服务局", "responsible", "区行政审批服务局", "", ""),
        ("区市民投诉中心", "responsible", "区市民投诉中心", "", ""),
    ]


def test_groups_expand_to_assessed_units_and_a_unit_keeps_its_strongest_role(district):
    parts = parse_responsibility("区司法局牵头，各镇、街道，区政府各部门单位落实", district)

    units, parties = expand(parts, group_units(2022))

    roles = {r.unit.name: (r.role, r.via) for r in units}
    assert roles["区司法局"] == ("lead", "区司法局")
    assert roles["凤凰镇"] == ("cooperating", "各镇、街道")
    assert roles["区财政局"] == ("cooperating", "区政府各部门单位")
    assert "区市民投诉中心" not in roles  # not assessed: only by name
    assert len(roles) == Unit.objects.filter(is_assessed=True).count()
    assert parties == []


@pytest.mark.parametrize(
    "phrase", ["有关职能部门", "营商环境评价指标区牵头部门", "行政规范性文件起草部门", "各职能部门"]
)
def test_described_parties(district, phrase):
    assert parse(phrase, district) == [(phrase, "responsible", "", "", phrase)]


def test_a_name_that_reads_as_a_unit_must_be_one(district):
    with pytest.raises(ResponsibilityError, match="找不到单位“区农业局”"):
        parse_responsibility("区财政局、区农业局", district)

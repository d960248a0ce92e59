"""Office staff see who changed what in a finding and its deduction: before → after per field."""

import datetime
from decimal import Decimal

from django.urls import reverse

from inspections.selectors import finding_history
from inspections.services import finding_update

from .helpers import accepted, finding

D = datetime.date


def make_history(q4, renshe, renshe_user, staff):
    item = finding(q4, renshe, "政策文件一栏未更新", deduction_points=Decimal("0.5"), acting_user=staff)
    finding_update(
        finding=item,
        acting_user=staff,
        category=item.category,
        column=item.column,
        description="政策文件一栏年内未更新",
        deadline=D(2025, 1, 20),
        deduction_points=Decimal("1"),
        deduction_reason="政策文件栏目未更新",
    )
    return accepted(item, renshe_user, staff)


def test_history_lists_every_version_with_its_changes(q4, renshe, renshe_user, staff):
    item = make_history(q4, renshe, renshe_user, staff)

    rows = [(e.kind, e.action, e.user, e.reason, e.changes) for e in finding_history(item)]

    assert rows == [
        (
            "检查发现问题",
            "新增",
            "王科员",
            "",
            [
                ("检查批次", "—", "2024年四季度检查"),
                ("单位", "—", "区人社局"),
                ("问题类别", "—", "栏目未及时更新"),
                ("栏目", "—", "政策文件"),
                ("问题描述", "—", "政策文件一栏未更新"),
                ("整改期限", "—", "2025年1月15日"),
                ("状态", "—", "待整改"),
            ],
        ),
        (
            "减分",
            "新增",
            "王科员",
            "",
            [
                ("单位", "—", "区人社局"),
                ("年度", "—", "2024"),
                ("季度", "—", "4"),
                ("事项", "—", "政策文件一栏未更新"),
                ("类别", "—", "其他"),
                ("减分", "—", "0.5"),
                ("对应检查问题", "—", "区人社局：政策文件一栏年内未更新"),
                ("来源", "—", "手工录入"),
            ],
        ),
        (
            "检查发现问题",
            "修改",
            "王科员",
            "",
            [
                ("问题描述", "政策文件一栏未更新", "政策文件一栏年内未更新"),
                ("整改期限", "2025年1月15日", "2025年1月20日"),
            ],
        ),
        ("减分", "修改", "王科员", "", [("事项", "政策文件一栏未更新", "政策文件栏目未更新"), ("减分", "0.5", "1")]),
        ("检查发现问题", "修改", "李主任", "提交整改", [("状态", "待整改", "已提交整改")]),
        ("检查发现问题", "修改", "王科员", "验收通过", [("状态", "已提交整改", "已验收")]),
    ]


def test_history_is_on_the_detail_page_for_staff(client, q4, renshe, renshe_user, staff):
    item = make_history(q4, renshe, renshe_user, staff)
    client.force_login(staff)

    html = client.get(reverse("inspections:finding_detail", args=[item.pk])).content.decode()

    assert "<h2>修改历史</h2>" in html
    assert "<div>整改期限：2025年1月15日 → 2025年1月20日</div>" in html
    assert "<div>状态：已提交整改 → 已验收</div>" in html
    assert "<div>减分：0.5 → 1</div>" in html
    assert "<td>李主任</td>" in html


def test_history_is_not_shown_to_the_unit(client, q4, renshe, renshe_user, staff):
    item = make_history(q4, renshe, renshe_user, staff)
    client.force_login(renshe_user)

    html = client.get(reverse("inspections:finding_detail", args=[item.pk])).content.decode()

    assert "<h2>修改历史</h2>" not in html
    assert "2025年1月15日 → 2025年1月20日" not in html

"""Every change is kept with who, when, before and after, and staff can read it."""

import pytest

from submissions.services import publication_count_set
from tests.factories import UnitFactory, UserFactory
from units.models import User


@pytest.fixture
def staff(db):
    return UserFactory(username="zhang", role=User.Role.OFFICE_STAFF, display_name="张三")


def test_history_shows_before_and_after(client, staff, django_assert_max_num_queries):
    unit = UnitFactory(name="区商务局")
    publication_count_set(unit=unit, year=2020, month=7, count=12, acting_user=staff)
    publication_count_set(unit=unit, year=2020, month=7, count=9, acting_user=staff, reason="更正")
    client.force_login(staff)

    with django_assert_max_num_queries(20):
        response = client.get("/units/history/?model=submissions.MonthlyPublication")

    entries = response.context["page"].object_list
    assert [(e.user, e.action, e.label, e.changes, e.reason) for e in entries] == [
        ("张三", "修改", "区商务局 2020年7月网站发布数", [("发布数量", "12", "9")], "更正"),
        (
            "张三",
            "新增",
            "区商务局 2020年7月网站发布数",
            [("单位", "—", "区商务局"), ("年度", "—", "2020"), ("月份", "—", "7"), ("发布数量", "—", "12")],
            "录入",
        ),
    ]
    assert "发布数量：12 → 9" in response.content.decode()


def test_history_query_count_is_constant(client, staff, django_assert_max_num_queries):
    client.force_login(staff)
    for n in range(3):
        publication_count_set(unit=UnitFactory(), year=2020, month=7, count=n, acting_user=staff)
    with django_assert_max_num_queries(20) as small:
        client.get("/units/history/")
    for n in range(30):
        publication_count_set(unit=UnitFactory(), year=2020, month=8, count=n, acting_user=staff)
    with django_assert_max_num_queries(20) as large:
        client.get("/units/history/")
    assert len(small.captured_queries) == len(large.captured_queries)


def test_unit_user_cannot_read_history(client, db):
    unit = UnitFactory()
    client.force_login(UserFactory(username="u", role=User.Role.UNIT_USER, unit=unit))

    assert client.get("/units/history/").status_code == 403


def test_history_prints_points_and_dates_as_the_office_does(client, staff):
    import datetime
    from decimal import Decimal

    from inspections.services import deduction_create

    deduction_create(
        unit=UnitFactory(name="区财政局"),
        year=2024,
        quarter=4,
        reason="错敏词",
        points=Decimal("0.50"),
        acting_user=staff,
    )
    client.force_login(staff)

    entry = client.get("/units/history/?model=inspections.Deduction").context["page"].object_list[0]

    assert entry.label == "区财政局 2024年四季度减分：错敏词"
    assert ("减分", "—", "0.5") in entry.changes
    assert [name for name, _, _ in entry.changes] == ["单位", "年度", "季度", "事项", "类别", "减分", "来源"]
    from core.formatting import display_value
    from submissions.models import Article

    assert display_value(Article._meta.get_field("received_on"), datetime.date(2025, 1, 10)) == "2025年1月10日"


def test_history_names_the_attachments_of_a_notice(client, staff):
    """The notice's 附件 showed as ['findings', 'submissions'] → ['findings', 'submissions', 'stats_dept']."""
    from reports.models import Notice
    from reports.services import notice_draft_update
    from tests.factories import NoticeFactory

    notice = NoticeFactory(attachments=[Notice.AttachmentKind.FINDINGS])
    notice_draft_update(notice=notice, acting_user=staff, attachments=["findings", "stats_dept"])
    client.force_login(staff)

    entry = client.get("/units/history/?model=reports.Notice").context["page"].object_list[0]

    assert ("附件", "政务公开工作检查情况", "政务公开工作检查情况、各部门政务公开工作情况统计") in entry.changes


def test_a_list_of_names_is_printed_as_the_office_writes_one():
    """汇总的单位 showed as “— → []” and would show ['区发改局', '区教体局']."""
    from annual_reports.models import AnnualReport
    from core.formatting import display_value

    field = AnnualReport._meta.get_field("compiled_units")

    assert display_value(field, []) == "—"
    assert display_value(field, ["区发改局", "区教体局"]) == "区发改局、区教体局"

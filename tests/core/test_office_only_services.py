"""Every service only the district office may call refuses a unit's account itself (one check,
``core.permissions.require_office``), whatever path reaches it: called directly here, with a unit
user, each says who may do it and writes nothing. What only an office admin may do (units,
accounts, scheduled jobs) refuses an office clerk the same way (``require_office_admin``)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from annual_reports import services as annual
from bootstrap.schedule import services as schedule
from core.backup import table_counts
from inspections import services as inspections
from reports import services as reports
from scoring import services as scoring
from submissions.services import articles, grid, imports
from tests.factories import (
    ArticleFactory,
    FindingFactory,
    InspectionRoundFactory,
    NoticeFactory,
    UnitFactory,
    UserFactory,
)
from units import services as units
from units.models import User
from workplans import services as workplans

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 10, 9)


@pytest.fixture
def unit_user(db):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=UnitFactory(name="区人社局"))


CALLS = {
    "起草通报": lambda u, o: reports.notice_draft_create(year=2020, quarter=3, acting_user=u),
    "修改通报": lambda u, o: reports.notice_draft_update(notice=o["notice"], acting_user=u, overview="改"),
    "印发通报": lambda u, o: reports.notice_issue(notice=o["notice"], acting_user=u),
    "修改计分规则": lambda u, o: scoring.rule_set_save(rule_set=None, acting_user=u),
    "调整年终考核得分": lambda u, o: scoring.annual_adjustment_add(
        unit=o["unit"], year=2020, points=Decimal(1), reason="拒不整改", acting_user=u
    ),
    "登记检查": lambda u, o: inspections.inspection_round_create(
        name="第三季度检查", year=2020, quarter=3, inspected_on=DAY, acting_user=u
    ),
    "记录检查问题": lambda u, o: inspections.finding_record(
        inspection=o["finding"].inspection, unit=o["unit"], category="其他", description="栏目空白", acting_user=u
    ),
    "修改检查问题": lambda u, o: inspections.finding_update(
        finding=o["finding"], acting_user=u, category="其他", description="改"
    ),
    "验收或退回整改": lambda u, o: inspections.finding_accept(finding=o["finding"], acting_user=u),
    "转入未整改的问题": lambda u, o: inspections.findings_carry_over(
        previous=o["finding"].inspection, current=o["finding"].inspection, acting_user=u
    ),
    "录入减分": lambda u, o: inspections.deduction_create(
        unit=o["unit"], year=2020, quarter=3, reason="栏目空白", points=Decimal(1), acting_user=u
    ),
    "导入减分": lambda u, o: inspections.deductions_import(source=io.BytesIO(b""), year=2020, quarter=3, acting_user=u),
    "录入发布数": lambda u, o: articles.publication_count_set(
        unit=o["unit"], year=2020, month=7, count=1, acting_user=u
    ),
    "登记稿件": lambda u, o: articles.article_register(unit=o["unit"], title="稿件", received_on=DAY, acting_user=u),
    "登记稿件采用": lambda u, o: articles.article_adoption_record(
        article=o["article"], level="city", adopted_on=DAY, acting_user=u
    ),
    "修改稿件": lambda u, o: articles.article_update(
        article=o["article"], unit=o["unit"], title="改", received_on=DAY, acting_user=u
    ),
    "填报月度数据": lambda u, o: grid.month_grid_save(month=None, rows=[], acting_user=u),
    "导入网站发布数": lambda u, o: imports.publications_import(source=io.BytesIO(b""), year=2020, acting_user=u),
    "导入投稿合计": lambda u, o: imports.article_tallies_import(source=io.BytesIO(b""), year=2020, acting_user=u),
    "开启年度报告": lambda u, o: annual.report_year_open(year=2020, acting_user=u),
    "设置年度报告的截止日期": lambda u, o: annual.report_year_set_deadlines(
        report_year=None, unit_deadline=DAY, district_deadline=DAY, acting_user=u
    ),
    "审核年度报告": lambda u, o: annual.report_finalise(report=None, acting_user=u),
    "导入工作方案": lambda u, o: workplans.work_plan_import(source=io.BytesIO(b""), year=2022, acting_user=u),
    "指定责任单位": lambda u, o: workplans.party_units_set(party=None, units=[], acting_user=u),
    "退回台账": lambda u, o: workplans.ledger_return(ledger=None, acting_user=u, reason="不全"),
    "设置台账报送期限": lambda u, o: workplans.plan_ledger_deadline_set(plan=None, deadline=DAY, acting_user=u),
    "转入任务": lambda u, o: workplans.tasks_carry_over(plan=None, items=[], acting_user=u),
    "添加单位别名": lambda u, o: units.unit_alias_add(unit=o["unit"], name="人社", acting_user=u),
}


@pytest.fixture
def objects(db):
    unit = UnitFactory(name="区商务局")
    finding = FindingFactory(unit=unit, inspection=InspectionRoundFactory(year=2020, quarter=3))
    return {"unit": unit, "finding": finding, "notice": NoticeFactory(), "article": ArticleFactory(unit=unit)}


@pytest.mark.parametrize("action", CALLS)
def test_a_unit_account_is_refused_by_the_service_itself(action, unit_user, objects):
    before = table_counts()

    with pytest.raises(PermissionDenied) as refused:
        CALLS[action](unit_user, objects)

    assert str(refused.value) == f"只有区政府办公室工作人员可以{action}。"
    assert table_counts() == before


ADMIN_CALLS = {
    "修改单位": lambda u, o: units.unit_update(unit=o["unit"], acting_user=u),
    "修改单位别名": lambda u, o: units.unit_alias_delete(alias=None, acting_user=u),
    "修改示范点期间": lambda u, o: units.demo_site_period_save(period=None, acting_user=u),
    "修改账号": lambda u, o: units.account_delete(user=u, acting_user=u),
    "修改周期任务": lambda u, o: schedule.schedule_delete(schedule=None, acting_user=u),
}


@pytest.mark.parametrize("action", ADMIN_CALLS)
def test_an_office_clerk_is_refused_what_only_an_office_admin_may_do(action, staff, objects):
    before = table_counts()

    with pytest.raises(PermissionDenied) as refused:
        ADMIN_CALLS[action](staff, objects)

    assert str(refused.value) == f"只有办公室管理员可以{action}。"
    assert table_counts() == before

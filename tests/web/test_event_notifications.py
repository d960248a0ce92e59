"""Events tell people, in-app (提醒) and by mail where an address is set: a unit when its annual
report or ledger is returned (with the reason) or a finding is opened against it; the office when
a unit submits a report, a ledger or a rectification answer. A returned report shows at the top
of the unit's home page."""

import datetime

import pytest
from django.core import mail

from annual_reports.services import report_return, report_save, report_year_open
from core.models import Notification
from inspections.services import finding_record, rectification_submit
from tests.annual_reports.seed import seed_2024
from tests.factories import InspectionRoundFactory, UnitFactory, UserFactory
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User
from workplans.services import ledger_return, ledger_row_add, ledger_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    unit = UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT)
    return {
        "unit": unit,
        "unit_user": UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit, email="renshe@linzi.gov.cn"),
        "staff": UserFactory(username="staff", role=User.Role.OFFICE_STAFF, email="zwgk@linzi.gov.cn"),
        "admin": UserFactory(username="admin", role=User.Role.OFFICE_ADMIN, email=""),
        "other": UserFactory(username="other", role=User.Role.UNIT_USER, unit=UnitFactory(name="区商务局")),
    }


def told(username: str) -> list[tuple[str, str, str]]:
    return list(Notification.objects.filter(user__username=username).values_list("kind", "text", "link"))


def test_an_annual_report_submitted_then_returned(people, django_capture_on_commit_callbacks):
    year = report_year_open(year=2024, acting_user=people["staff"])
    link = f"/annual/2024/units/{people['unit'].pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        outcome = report_save(
            report_year=year, unit=people["unit"], acting_user=people["unit_user"], typed=seed_2024(), submit=True
        )
    assert outcome.submitted
    submitted = ("annual_report_submitted", "区人社局已提交2024年政府信息公开工作年度报告，请审核。", link)
    assert told("staff") == told("admin") == [submitted]
    assert told("renshe") == told("other") == []
    assert [m.to for m in mail.outbox] == [["zwgk@linzi.gov.cn"]]

    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=outcome.report, reason="五、六部分未填写", acting_user=people["staff"])

    assert told("renshe") == [
        (
            "annual_report_returned",
            "2024年政府信息公开工作年度报告已被区政府办公室退回，原因：五、六部分未填写。请修改后重新提交。",
            link,
        )
    ]
    assert mail.outbox[-1].to == ["renshe@linzi.gov.cn"]
    assert "五、六部分未填写" in mail.outbox[-1].body and link in mail.outbox[-1].body


def test_the_returned_report_is_at_the_top_of_the_units_home_page(client, people):
    year = report_year_open(year=2024, acting_user=people["staff"])
    report = report_save(
        report_year=year, unit=people["unit"], acting_user=people["unit_user"], typed=seed_2024(), submit=True
    ).report
    report_return(report=report, reason="五、六部分未填写", acting_user=people["staff"])
    client.force_login(people["unit_user"])

    html = client.get("/", follow=True).content.decode()

    top = html.index('class="card warning-box panel-annual_report_returned"')
    assert top < html.index('class="card summary"') or "不在考核范围内" in html[top:]
    assert "本单位2024年政府信息公开工作年度报告已被区政府办公室退回，原因：五、六部分未填写。" in html
    assert f'href="/annual/2024/units/{people["unit"].pk}/">修改年度报告</a>' in html


def test_a_ledger_submitted_then_returned(people):
    plan = make_plan(2024)
    task = make_task(plan, 1, [people["unit"]])
    ledger_row_add(
        task=task, unit=people["unit"], acting_user=people["unit_user"], measure="按季度公开", time_limit="每季度末"
    )
    ledger = ledger_submit(plan=plan, unit=people["unit"], acting_user=people["unit_user"])
    link = f"/workplans/2024/ledgers/{people['unit'].pk}/"
    assert told("staff") == [("ledger_submitted", "区人社局已报送2024年政务公开工作任务台账。", link)]

    ledger_return(ledger=ledger, acting_user=people["staff"], reason="责任科室未填写")

    assert told("renshe") == [
        (
            "ledger_returned",
            "2024年政务公开工作任务台账已被区政府办公室退回，原因：责任科室未填写。请修改后重新报送。",
            link,
        )
    ]


def test_a_finding_opened_then_answered(people):
    round_ = InspectionRoundFactory(year=2024, quarter=4, inspected_on=datetime.date(2024, 12, 10))
    finding = finding_record(
        inspection=round_,
        unit=people["unit"],
        category="栏目更新",
        column="政策文件",
        description="政策文件一栏年内未更新",
        deadline=datetime.date(2024, 12, 31),
        acting_user=people["staff"],
    )
    link = f"/inspections/findings/{finding.pk}/"
    assert told("renshe") == [
        ("finding_opened", "检查发现问题：政策文件一栏年内未更新，请于2024年12月31日前整改并答复。", link)
    ]
    assert told("other") == []

    rectification_submit(finding=finding, acting_user=people["unit_user"], text="已更新")

    assert told("staff") == [
        ("rectification_submitted", "区人社局已答复整改情况：政策文件一栏年内未更新，请验收。", link)
    ]


def test_a_returned_rectification_tells_the_unit_why_once_per_answer(people, django_capture_on_commit_callbacks):
    from inspections.services import finding_return

    round_ = InspectionRoundFactory(year=2024, quarter=4, inspected_on=datetime.date(2024, 12, 10))
    finding = finding_record(
        inspection=round_,
        unit=people["unit"],
        category="栏目更新",
        column="政策文件",
        description="政策文件一栏年内未更新",
        deadline=datetime.date(2024, 12, 31),
        acting_user=people["staff"],
    )
    link = f"/inspections/findings/{finding.pk}/"
    returned = (
        "rectification_returned",
        "整改情况被退回：政策文件一栏年内未更新。原因：链接打不开。请于2024年12月31日前重新整改并答复。",
        link,
    )
    for _ in range(2):
        rectification_submit(finding=finding, acting_user=people["unit_user"], text="已更新")
        with django_capture_on_commit_callbacks(execute=True):
            finding_return(finding=finding, acting_user=people["staff"], reason="链接打不开")

    assert [n for n in told("renshe") if n[0] == "rectification_returned"] == [returned, returned]
    assert told("other") == []
    assert mail.outbox[-1].to == ["renshe@linzi.gov.cn"]
    assert "原因：链接打不开" in mail.outbox[-1].body


def test_a_reason_typed_with_its_full_stop_is_not_stopped_twice(client, people, django_capture_on_commit_callbacks):
    year = report_year_open(year=2024, acting_user=people["staff"])
    report = report_save(
        report_year=year, unit=people["unit"], acting_user=people["unit_user"], typed=seed_2024(), submit=True
    ).report
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=report, reason="收费金额请核实。", acting_user=people["staff"])
    plan = make_plan(2024)
    make_task(plan, 1, [people["unit"]])
    ledger_row_add(
        task=plan.tasks.get(),
        unit=people["unit"],
        acting_user=people["unit_user"],
        measure="按季度公开",
        time_limit="每季度末",
    )
    ledger = ledger_submit(plan=plan, unit=people["unit"], acting_user=people["unit_user"])
    ledger_return(ledger=ledger, acting_user=people["staff"], reason="责任科室未填写。")
    round_ = InspectionRoundFactory(year=2024, quarter=4, inspected_on=datetime.date(2024, 12, 10))
    finding = finding_record(
        inspection=round_,
        unit=people["unit"],
        category="栏目更新",
        column="政策文件",
        description="政策文件一栏年内未更新。",
        deadline=datetime.date(2024, 12, 31),
        acting_user=people["staff"],
    )
    from inspections.services import finding_return

    rectification_submit(finding=finding, acting_user=people["unit_user"], text="已更新")
    with django_capture_on_commit_callbacks(execute=True):
        finding_return(finding=finding, acting_user=people["staff"], reason="链接打不开。")

    assert sorted(text for _, text, _ in told("renshe")) == sorted(
        [
            "2024年政府信息公开工作年度报告已被区政府办公室退回，原因：收费金额请核实。请修改后重新提交。",
            "2024年政务公开工作任务台账已被区政府办公室退回，原因：责任科室未填写。请修改后重新报送。",
            "检查发现问题：政策文件一栏年内未更新，请于2024年12月31日前整改并答复。",
            "整改情况被退回：政策文件一栏年内未更新。原因：链接打不开。请于2024年12月31日前重新整改并答复。",
        ]
    )
    assert "区人社局已答复整改情况：政策文件一栏年内未更新，请验收。" in [text for _, text, _ in told("staff")]
    client.force_login(people["unit_user"])
    html = client.get("/", follow=True).content.decode()
    assert "本单位2024年政府信息公开工作年度报告已被区政府办公室退回，原因：收费金额请核实。请修改后重新提交。" in html

"""Labels that said the wrong thing: a report saved with data is 已保存未提交 (not 未填报); the
ledger page names the deadline; 报送情况 filters 已提交待审核; the
落实情况 matrix heads its columns with short task names, the full text on hover and in print."""

import datetime

import pytest

from annual_reports.services import report_save, report_year_open
from tests.annual_reports.seed import seed_2024
from tests.factories import UnitFactory, UserFactory
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def renshe(db):
    return UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT, sort_order=1)


@pytest.fixture
def renshe_user(renshe):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)


def status_of(html: str, unit_name: str) -> str:
    row = html[html.index(f">{unit_name}</a>") :]
    return row.split('<span class="status', 1)[1].split(">", 1)[1].split("<", 1)[0]


def test_a_saved_report_is_saved_not_submitted(client, staff, renshe, renshe_user):
    year = report_year_open(year=2024, acting_user=staff)
    shangwu = UnitFactory(name="区商务局", category=Unit.Category.DEPARTMENT, sort_order=2)
    report_save(report_year=year, unit=renshe, acting_user=renshe_user, typed=seed_2024())
    client.force_login(staff)

    overview = client.get("/annual/2024/").content.decode()
    assert status_of(overview, "区人社局") == "已保存未提交"
    assert status_of(overview, shangwu.name) == "未填报"
    client.force_login(renshe_user)
    page = client.get(f"/annual/2024/units/{renshe.pk}/").content.decode()
    assert '<span class="status status-not_submitted">已保存未提交</span>' in page


def test_the_year_page_filters_the_reports_waiting_for_review(client, staff, renshe, renshe_user):
    year = report_year_open(year=2024, acting_user=staff)
    UnitFactory(name="区商务局", category=Unit.Category.DEPARTMENT, sort_order=2)
    report_save(report_year=year, unit=renshe, acting_user=renshe_user, typed=seed_2024(), submit=True)
    client.force_login(staff)

    html = client.get("/annual/2024/?show=submitted").content.decode()

    assert '<a href="?show=submitted" aria-current="true" class="current">已提交待审核（1）</a>' in html
    assert ">区人社局</a>" in html and ">区商务局</a>" not in html


def test_the_ledger_page_names_the_deadline(client, staff):
    make_plan(2024, ledger_deadline=datetime.date(2024, 6, 30))
    client.force_login(staff)

    html = client.get("/workplans/2024/ledgers/").content.decode()

    assert "当前为" not in html
    assert '<span class="hint ledger-deadline">报送截止日期为2024年6月30日，已过截止日期。</span>' in html


def test_the_matrix_heads_columns_with_short_task_names(client, staff, renshe):
    plan = make_plan(2024)
    requirement = "围绕市场主体需求，及时公开惠企政策及解读材料，每季度更新一次。"
    make_task(plan, 1, [renshe], requirement=requirement)
    make_task(plan, 2, [renshe], requirement="公开重大建设项目批准和实施信息")
    client.force_login(staff)

    html = client.get("/workplans/2024/matrix/").content.decode()

    assert (
        f'<th class="task" title="第1项：{requirement}"><span class="task-no">1</span>'
        '<span class="task-name">围绕市场主体需求</span></th>'
    ) in html
    assert '<span class="task-name">公开重大建设项…</span>' in html
    assert f'<ol class="print-only task-legend"><li>第1项：{requirement}</li>' in html

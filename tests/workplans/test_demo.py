"""The demo site's small 2024 plan goes through the real import and fills the pages."""

from bootstrap.demo_workplan import load_demo_workplan
from tests.factories import UserFactory
from units.models import User
from workplans.models import Ledger, ProgressReport, Task

from .conftest import unit


def test_demo_plan_loads_once(real_units):
    UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit("区人社局"))

    assert load_demo_workplan(None) == "已载入2024年演示工作方案：新增10条，修改0条，删除0条，未变0条。"
    assert load_demo_workplan(None) == "2024年演示工作方案已存在，跳过。"
    assert Task.objects.filter(plan__year=2024).count() == 10
    assert Task.objects.get(plan__year=2024, number=3).area == "紧扣经济发展大局深化公开"  # under a merge
    assert Ledger.objects.get(unit__name="区人社局").status == Ledger.Status.SUBMITTED
    assert ProgressReport.objects.count() == 5

import datetime

import pytest

from tests.factories import UserFactory
from units.models import Unit, User
from workplans.services import work_plan_import

from .seed003 import attachment1_xlsx, attachment2_xlsx


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "2022年政务公开工作方案附件1.xlsx"
    path.write_bytes(attachment1_xlsx())
    return path


@pytest.fixture
def leads_file(tmp_path):
    path = tmp_path / "附件2.xlsx"
    path.write_bytes(attachment2_xlsx())
    return path


@pytest.fixture
def plan_2022(real_units, plan_file):
    """The 2022 plan of seed 003 imported from its 附件1."""
    with plan_file.open("rb") as handle:
        work_plan_import(source=handle, year=2022, filename=plan_file.name)
    from workplans.models import WorkPlan

    return WorkPlan.objects.get(year=2022)


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


@pytest.fixture
def zhufang_user(real_units):
    """The account of 区住建局 (tasks 2, 17, 18, 24, 27, 30 and every group task)."""
    return UserFactory(username="zhujian", role=User.Role.UNIT_USER, unit=unit("区住建局"))


@pytest.fixture
def archive_user(real_units):
    """The account of 区档案馆, a body that takes tasks but is not assessed."""
    return UserFactory(username="dangan", role=User.Role.UNIT_USER, unit=unit("区档案馆"))


@pytest.fixture
def in_2022():
    """A day in the 2022 plan's year, after the ledger deadline and Q3."""
    return datetime.date(2022, 10, 20)

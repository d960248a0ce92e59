import datetime

import pytest

from annual_reports.layout import complete
from annual_reports.services import report_year_open
from tests.factories import UnitFactory, UserFactory
from units.models import Unit, User

from .seed import seed_2024


@pytest.fixture
def office_unit(db):
    return UnitFactory(name="区政府办公室", category=Unit.Category.DEPARTMENT, sort_order=1)


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", display_name="王五", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def year_2024(staff):
    return report_year_open(year=2024, acting_user=staff)


@pytest.fixture
def year_2023(staff):
    return report_year_open(year=2023, acting_user=staff)


@pytest.fixture
def renshe(db):
    return UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT, sort_order=5)


@pytest.fixture
def renshe_user(renshe):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)


@pytest.fixture
def seed_values():
    """Seed 002's figures, totals included."""
    return complete(seed_2024())


@pytest.fixture
def today():
    return datetime.date(2025, 1, 20)

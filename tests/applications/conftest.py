import pytest

from tests.factories import UnitFactory, UserFactory
from units.models import Unit, User


@pytest.fixture
def renshe(db):
    return UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT, sort_order=1)


@pytest.fixture
def shangwu(db):
    return UnitFactory(name="区商务局", category=Unit.Category.DEPARTMENT, sort_order=2)


@pytest.fixture
def renshe_user(renshe):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe, display_name="李信息员")


@pytest.fixture
def shangwu_user(shangwu):
    return UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=shangwu)


@pytest.fixture
def office_unit(db):
    return UnitFactory(name="区政府办公室", category=Unit.Category.DEPARTMENT, sort_order=0)

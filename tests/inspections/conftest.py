import datetime

import pytest

from tests.factories import InspectionRoundFactory, UnitFactory, UserFactory
from units.models import Unit, User


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded evidence goes to a temporary MEDIA_ROOT, never into the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF, display_name="王科员")


@pytest.fixture
def renshe(db):
    return UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT, sort_order=1)


@pytest.fixture
def shangwu(db):
    return UnitFactory(name="区商务局", category=Unit.Category.DEPARTMENT, sort_order=2)


@pytest.fixture
def renshe_user(renshe):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe, display_name="李主任")


@pytest.fixture
def shangwu_user(shangwu):
    return UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=shangwu)


@pytest.fixture
def q3(db):
    return InspectionRoundFactory(
        name="2024年三季度检查", year=2024, quarter=3, inspected_on=datetime.date(2024, 10, 12)
    )


@pytest.fixture
def q4(db):
    return InspectionRoundFactory(name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6))


@pytest.fixture
def today(monkeypatch):
    """Pages compute 逾期 for “today”: fix it at 16 Jan 2025, the day after the 2024 Q4 deadline."""
    from django.utils import timezone

    fixed = datetime.date(2025, 1, 16)
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return fixed if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return fixed

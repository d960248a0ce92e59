import pytest

from tests.factories import UserFactory
from units.models import User


@pytest.fixture
def staff(db):
    return UserFactory(username="zhangsan", display_name="张三", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def other_staff(db):
    return UserFactory(username="lisi", display_name="李四", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

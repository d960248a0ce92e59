"""The top bar links to the data-entry pages for office accounts only."""

import pytest

from tests.factories import UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

LINKS = (
    '<a href="/data/grid/">月度填报</a>',
    '<a href="/data/articles/">稿件登记</a>',
    '<a href="/data/import/">Excel导入</a>',
)


def test_office_staff_see_the_links(staff_client):
    html = staff_client.get("/data/articles/").content.decode()

    assert all(link in html for link in LINKS)


def test_unit_users_do_not(client):
    unit = UnitFactory(name="区人社局")
    client.force_login(UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit))

    response = client.get("/data/articles/")

    assert response.status_code == 403
    assert not any(link in response.content.decode() for link in LINKS)

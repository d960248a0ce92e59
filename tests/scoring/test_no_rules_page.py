"""A quarter before the first rule set (reached by 上一季度 from the earliest one) says why it cannot
be scored and leads back, for the office and for a unit."""

import pytest

from tests.factories import UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db


def test_the_page_before_the_rules_leads_back(client, staff):
    unit = UnitFactory(name="区人社局")
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit)
    pages = []
    for who, url in ((staff, "/scores/2019/q4/"), (user, f"/scores/2019/q4/units/{unit.pk}/")):
        client.force_login(who)
        pages.append(client.get(url))

    for response in pages:
        html = response.content.decode()
        assert response.status_code == 404
        assert "没有适用于2019年四季度的计分规则，请管理员先设置计分规则。" in html
        assert '<a href="/">‹ 返回最近有数据的季度</a>' in html

"""A unit, its aliases and demonstration periods are written through the services: only an office
admin, with history (who and why), and the data version renewed where scores depend on it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core import versioning
from tests.factories import UnitFactory, UserFactory
from units.models import DemoSitePeriod, UnitAlias, User
from units.services import demo_site_period_delete, demo_site_period_save, unit_alias_save, unit_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_admin(db):
    return UserFactory(username="admin", role=User.Role.OFFICE_ADMIN)


def test_a_unit_is_changed_by_an_office_admin_only(staff, office_admin):
    unit = UnitFactory(name="区人社局", sort_order=3)
    unit.sort_order = 5

    with pytest.raises(PermissionDenied) as caught:
        unit_update(unit=unit, acting_user=staff)
    before = versioning.data_version()
    unit_update(unit=unit, acting_user=office_admin, reason="调整顺序")

    assert str(caught.value) == "只有办公室管理员可以修改单位。"
    assert versioning.data_version() != before
    row = unit.history.first()
    assert (row.sort_order, row.history_user, row.history_change_reason) == (5, office_admin, "调整顺序")


def test_a_demonstration_period_is_kept_in_the_history_and_changes_the_scores(office_admin):
    unit = UnitFactory(name="区人社局")
    before = versioning.data_version()

    period = demo_site_period_save(
        period=DemoSitePeriod(unit=unit, start=datetime.date(2025, 1, 1)), acting_user=office_admin
    )
    demo_site_period_delete(period=period, acting_user=office_admin)

    assert versioning.data_version() != before
    rows = DemoSitePeriod.history.order_by("history_id")
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in rows] == [
        ("+", office_admin, None),
        ("-", office_admin, "删除示范点期间"),
    ]


def test_an_alias_is_tidied_and_must_not_be_the_units_own_name(office_admin):
    unit = UnitFactory(name="区人社局")

    with pytest.raises(ValidationError) as caught:
        unit_alias_save(alias=UnitAlias(unit=unit, name=" 区人社局 "), acting_user=office_admin)
    alias = unit_alias_save(alias=UnitAlias(unit=unit, name=" 区人力资源和  社会保障局"), acting_user=office_admin)

    assert caught.value.message_dict == {"name": ["“区人社局”就是区人社局的正式名称，不需要别名。"]}
    assert alias.name == "区人力资源和 社会保障局"
    assert alias.history.get().history_user == office_admin

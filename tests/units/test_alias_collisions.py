"""An alias that reads as another unit's name or alias would send rows to the wrong unit: refused
on every path, naming that unit."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UnitAliasFactory, UnitFactory
from units.models import UnitAlias

pytestmark = pytest.mark.django_db


def test_an_alias_colliding_with_another_units_alias_is_refused():
    agriculture = UnitFactory(name="区农业农村局")
    centre = UnitFactory(name="区农业农村事业发展中心")
    UnitAliasFactory(unit=agriculture, name="区农业")

    with pytest.raises(ValidationError) as caught:
        UnitAlias(unit=centre, name="临淄区农业").full_clean()

    assert caught.value.message_dict == {
        "name": ["别名“临淄区农业”与区农业农村局的别名“区农业”是同一个名称（不计空格和“临淄区”前缀），不能保存。"]
    }


def test_an_alias_that_is_another_units_name_is_refused():
    UnitFactory(name="区商务局")
    other = UnitFactory(name="区财政局")

    with pytest.raises(ValidationError) as caught:
        UnitAlias(unit=other, name="临淄区 商务局").full_clean()

    assert caught.value.message_dict == {"name": ["“临淄区 商务局”已是另一个单位（区商务局）的正式名称。"]}


def test_a_unit_name_that_is_another_units_alias_is_refused():
    agriculture = UnitFactory(name="区农业农村局")
    UnitAliasFactory(unit=agriculture, name="区农业")
    newcomer = UnitFactory.build(name="临淄区农业", category="部门")

    with pytest.raises(ValidationError) as caught:
        newcomer.full_clean()

    assert caught.value.message_dict["name"] == [
        "“临淄区农业”已是区农业农村局的别名（“区农业”），不能作为另一个单位的名称。"
    ]


def test_the_admin_refuses_it_too(client):
    from units.models import User

    admin = User.objects.create_superuser("root", password="x", role=User.Role.OFFICE_ADMIN)
    agriculture = UnitFactory(name="区农业农村局")
    centre = UnitFactory(name="区农业农村事业发展中心", category="部门")
    UnitAliasFactory(unit=agriculture, name="区农业")
    client.force_login(admin)

    response = client.post(
        f"/admin/units/unit/{centre.pk}/change/",
        {
            "name": centre.name,
            "category": "部门",
            "sort_order": 1,
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "临淄区农业",
            "demo_site_periods-TOTAL_FORMS": "0",
            "demo_site_periods-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "是同一个名称（不计空格和“临淄区”前缀），不能保存。" in response.content.decode()
    assert not centre.aliases.exists()


@pytest.mark.parametrize("name", ["合计", "小计", "区政府各部门", "各镇、街道"])
def test_a_total_or_heading_row_is_no_alias(staff, name):
    from units.services import unit_alias_add

    unit = UnitFactory(name="区自然资源局")

    with pytest.raises(ValidationError) as caught:
        unit_alias_add(unit=unit, name=name, acting_user=staff)

    assert caught.value.message_dict == {"name": [f"“{name}”是表格的合计行或分组标题，不是单位名称，不能作为别名。"]}
    assert not UnitAlias.objects.exists()


def test_invisible_marks_are_not_saved_in_an_alias(staff):
    from units.services import unit_alias_add

    alias = unit_alias_add(
        unit=UnitFactory(name="区自然资源局"), name="\u202e自然资源和规划局\u200b", acting_user=staff
    )

    assert UnitAlias.objects.get().name == alias.name == "自然资源和规划局"

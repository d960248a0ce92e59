"""An import names a unit no unit answers to: the preview offers staff the fix right there (pick
the unit, save the name as its alias through the units service), then checks the same staged
file again. The service refuses an alias that reads as another unit's name or alias, naming it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.imports.flow import AliasFix, alias_fixes
from submissions.models import MonthlyPublication
from tests.conftest import make_xlsx
from tests.factories import UnitAliasFactory, UnitFactory, UserFactory
from units.models import UnitAlias, User
from units.services import unit_alias_add

pytestmark = pytest.mark.django_db

ROWS = [["单位", "10月"], ["区人力资源和社保局", 12], ["区商务局", 4], ["区统计所", 1], ["区统计所", 2]]


@pytest.fixture
def units(db):
    renshe = UnitFactory(name="区人社局", sort_order=1)
    UnitAliasFactory(unit=renshe, name="区人力资源和社会保障局")
    return renshe, UnitFactory(name="区商务局", sort_order=2), UnitFactory(name="区财政局", sort_order=3)


def preview(client, rows=ROWS):
    content = make_xlsx(rows)
    response = client.post(
        "/data/import/",
        {"kind": "publications", "year": 2024, "quarter": "", "file": SimpleUploadedFile("发布数.xlsx", content)},
        follow=True,
    )
    return response.redirect_chain[0][0], response


# --- the service ---------------------------------------------------------------------------------


def test_the_service_saves_the_alias_with_who_and_why(units, staff):
    renshe = units[0]

    alias = unit_alias_add(unit=renshe, name="  区人力资源和 社保局 ", acting_user=staff, reason="导入时添加别名")

    assert (alias.unit, alias.name) == (renshe, "区人力资源和 社保局")
    record = alias.history.get()
    assert (record.history_type, record.history_user, record.history_change_reason) == ("+", staff, "导入时添加别名")


def test_the_service_refuses_another_units_name_naming_it(units, staff):
    with pytest.raises(ValidationError) as caught:
        unit_alias_add(unit=units[2], name="临淄区商务局", acting_user=staff)

    assert caught.value.message_dict == {"name": ["“临淄区商务局”已是另一个单位（区商务局）的正式名称。"]}
    assert not UnitAlias.objects.filter(unit=units[2]).exists()


def test_the_service_refuses_another_units_alias_naming_it(units, staff):
    with pytest.raises(ValidationError) as caught:
        unit_alias_add(unit=units[1], name="临淄区人力资源和社会保障局", acting_user=staff)

    assert caught.value.message_dict == {
        "name": [
            "别名“临淄区人力资源和社会保障局”与区人社局的别名“区人力资源和社会保障局”是同一个名称（不计空格和“临淄区”前缀），不能保存。"
        ]
    }


def test_the_service_refuses_an_empty_name_the_units_own_name_and_a_duplicate(units, staff):
    renshe = units[0]
    with pytest.raises(ValidationError) as empty:
        unit_alias_add(unit=renshe, name="  ", acting_user=staff)
    with pytest.raises(ValidationError) as own:
        unit_alias_add(unit=renshe, name="区人社局", acting_user=staff)
    with pytest.raises(ValidationError) as twice:
        unit_alias_add(unit=renshe, name="区人力资源和社会保障局", acting_user=staff)

    assert empty.value.message_dict == {"name": ["请填写别名。"]}
    assert own.value.message_dict == {"name": ["“区人社局”就是区人社局的正式名称，不需要别名。"]}
    assert twice.value.message_dict == {"name": ["已有这个别名。"]}
    assert UnitAlias.objects.count() == 1


# --- what the preview offers ---------------------------------------------------------------------


def test_each_unknown_name_once_with_the_likeliest_unit_suggested(units):
    renshe, commerce, finance = units

    fixes = alias_fixes(["区人力资源和社保局", "区统计所"])

    choices = [(renshe.pk, "区人社局"), (commerce.pk, "区商务局"), (finance.pk, "区财政局")]
    assert fixes == [
        AliasFix(name="区人力资源和社保局", choices=choices, suggested=renshe.pk),
        AliasFix(name="区统计所", choices=choices, suggested=None),
    ]
    assert alias_fixes(["区商务"]) == [AliasFix(name="区商务", choices=choices, suggested=commerce.pk)]
    assert alias_fixes([]) == []


def test_the_preview_offers_the_fix_for_each_unknown_name(staff_client, units):
    url, response = preview(staff_client)

    html = response.content.decode()
    assert "文件有3处错误，不能导入" in html  # 区统计所 twice: one fix
    assert "<li>第2行 单位: 找不到单位“区人力资源和社保局”，请检查名称，或把它保存为对应单位的别名</li>" in html
    assert [f.name for f in response.context["alias_fixes"]] == ["区人力资源和社保局", "区统计所"]
    assert f'action="{reverse("units:alias_add")}"' in html
    assert '<input type="hidden" name="name" value="区人力资源和社保局">' in html
    assert f'<input type="hidden" name="next" value="{url}">' in html
    assert '<select name="unit" aria-label="“区统计所”对应的单位" required>' in html
    assert html.count('<button type="submit">保存为别名并重新检查</button>') == 2


def test_a_file_without_unknown_names_offers_no_fix(staff_client, units):
    _, response = preview(staff_client, [["单位", "10月"], ["区商务局", -1]])

    assert response.context["alias_fixes"] == []
    assert "保存为别名并重新检查" not in response.content.decode()


# --- saving it from the preview ------------------------------------------------------------------


def test_saving_the_alias_checks_the_same_file_again(staff_client, staff, units):
    renshe = units[0]
    url, _ = preview(staff_client)

    response = staff_client.post(
        reverse("units:alias_add"), {"name": "区人力资源和社保局", "unit": renshe.pk, "next": url}, follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert "已把“区人力资源和社保局”保存为区人社局的别名，文件已重新检查。" in html
    assert "文件有2处错误，不能导入" in html
    assert "<li>第4行 单位: 找不到单位“区统计所”，请检查名称，或把它保存为对应单位的别名</li>" in html
    assert "<li>第5行 单位: 找不到单位“区统计所”，请检查名称，或把它保存为对应单位的别名</li>" in html
    assert [f.name for f in response.context["alias_fixes"]] == ["区统计所"]
    alias = UnitAlias.objects.get(name="区人力资源和社保局")
    assert (alias.unit, alias.history.get().history_user, alias.history.get().history_change_reason) == (
        renshe,
        staff,
        "导入时添加别名",
    )
    assert MonthlyPublication.objects.count() == 0


def test_once_every_name_is_known_the_file_imports(staff_client, units):
    renshe, commerce, finance = units
    url, _ = preview(staff_client, ROWS[:4])
    staff_client.post(reverse("units:alias_add"), {"name": "区人力资源和社保局", "unit": renshe.pk, "next": url})
    response = staff_client.post(
        reverse("units:alias_add"), {"name": "区统计所", "unit": finance.pk, "next": url}, follow=True
    )
    assert response.context["errors"] == []
    assert response.context["counts"] == {"新增": 3, "修改": 0, "删除": 0, "不变": 0}

    staff_client.post(url, {"action": "confirm", "sha256": response.context["entry"]["sha256"]})

    assert sorted(MonthlyPublication.objects.values_list("unit__name", "month", "count")) == [
        ("区人社局", 10, 12),
        ("区商务局", 10, 4),
        ("区财政局", 10, 1),
    ]


def test_a_colliding_alias_is_refused_naming_the_unit_and_the_preview_stays(staff_client, units):
    renshe, commerce, finance = units
    url, _ = preview(staff_client)

    response = staff_client.post(
        reverse("units:alias_add"), {"name": "临淄区商务局", "unit": finance.pk, "next": url}, follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert "“临淄区商务局”已是另一个单位（区商务局）的正式名称。" in response.content.decode()
    assert "文件有3处错误，不能导入" in response.content.decode()
    assert UnitAlias.objects.count() == 1


def test_no_unit_chosen(staff_client, units):
    url, _ = preview(staff_client)

    response = staff_client.post(reverse("units:alias_add"), {"name": "区统计所", "unit": "", "next": url}, follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert "请选择这个名称对应的单位" in response.content.decode()
    assert UnitAlias.objects.count() == 1


def test_never_back_to_another_site(staff_client, units):
    response = staff_client.post(
        reverse("units:alias_add"), {"name": "区统计所", "unit": units[2].pk, "next": "https://example.com/"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("units:list")
    assert UnitAlias.objects.filter(name="区统计所", unit=units[2]).exists()


def test_only_office_staff_may_save_an_alias(client, units):
    renshe = units[0]
    client.force_login(UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe))

    response = client.post(reverse("units:alias_add"), {"name": "区人力资源和社保局", "unit": renshe.pk})

    assert response.status_code == 403
    client.logout()
    response = client.post(reverse("units:alias_add"), {"name": "区人力资源和社保局", "unit": renshe.pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert UnitAlias.objects.count() == 1


def test_a_unit_is_preselected_only_when_clearly_alike_the_district_prefix_aside(db):
    UnitFactory(name="区工信局", sort_order=1)
    statistics = UnitFactory(name="区统计局", sort_order=2)

    suggested = [f.suggested for f in alias_fixes(["区网信办", "临淄区统计所", "区统计"])]

    assert suggested == [None, statistics.pk, statistics.pk]

"""An import names a unit the system does not know: staff fix it on the preview itself (pick the
unit, save the name as its alias), the same file is checked again and imports."""

import pytest

from submissions.models import MonthlyPublication
from tests.conftest import make_xlsx
from tests.e2e.test_workflow import login
from units.models import UnitAlias, User
from units.services import account_create, units_sync_from_csv

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_save_an_unknown_name_as_an_alias_and_the_file_imports(page, shot, tmp_path):
    units_sync_from_csv()
    staff = account_create(
        username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五"
    )
    path = tmp_path / "10月发布数.xlsx"
    path.write_bytes(make_xlsx([["单位", "10月"], ["区人力资源和社保局", 12], ["区商务局", 4], ["区大数据中心", 1]]))

    login(page, "staff", "staff-pass-2025")
    page.goto("/data/import/")
    page.get_by_label("网站发布数").check()
    page.get_by_role("spinbutton", name="年度：").fill("2024")
    page.get_by_label("Excel文件（.xlsx）").set_input_files(str(path))
    page.get_by_role("button", name="上传并检查").click()
    page.wait_for_url("**/data/import/*/")
    preview_url = page.url

    assert page.locator("h2.error").inner_text() == "文件有2处错误，不能导入"
    assert page.locator(".import-errors li").all_inner_texts() == [
        "第2行 单位: 找不到单位“区人力资源和社保局”，请检查名称，或把它保存为对应单位的别名",
        "第4行 单位: 找不到单位“区大数据中心”，请检查名称，或把它保存为对应单位的别名",
    ]
    renshe = page.get_by_label("“区人力资源和社保局”对应的单位")
    assert renshe.locator("option:checked").inner_text() == "区人社局"  # the likeliest, suggested
    big_data = page.get_by_label("“区大数据中心”对应的单位")
    assert big_data.locator("option:checked").inner_text() == "请选择单位"  # nothing alike
    shot(page, "08-导入时添加别名")

    # The suggestion taken: the same file is checked again, one name is left.
    page.locator("form.alias-fix").filter(has_text="区人力资源和社保局").get_by_role(
        "button", name="保存为别名并重新检查"
    ).click()
    page.wait_for_url(preview_url)
    assert "已把“区人力资源和社保局”保存为区人社局的别名，文件已重新检查。" in page.locator(".messages").inner_text()
    assert page.locator(".import-errors li").all_inner_texts() == [
        "第4行 单位: 找不到单位“区大数据中心”，请检查名称，或把它保存为对应单位的别名"
    ]

    # Staff pick the unit themselves.
    page.get_by_label("“区大数据中心”对应的单位").select_option(label="区行政审批服务局")
    page.get_by_role("button", name="保存为别名并重新检查").click()
    page.wait_for_url(preview_url)
    assert "已把“区大数据中心”保存为区行政审批服务局的别名，文件已重新检查。" in page.locator(".messages").inner_text()
    assert page.locator(".import-errors li").count() == 0
    assert [t.strip() for t in page.locator(".summary div").all_inner_texts()] == [
        "3\n新增",
        "0\n修改",
        "0\n删除",
        "0\n不变",
    ]

    page.get_by_role("button", name="确认导入").click()
    page.wait_for_url("**/data/import/")
    assert sorted(MonthlyPublication.objects.values_list("unit__name", "month", "count")) == [
        ("区人社局", 10, 12),
        ("区商务局", 10, 4),
        ("区行政审批服务局", 10, 1),
    ]
    aliases = UnitAlias.objects.filter(name__in=["区人力资源和社保局", "区大数据中心"]).order_by("name")
    assert [(a.name, a.unit.name, a.history.get().history_user) for a in aliases] == [
        ("区人力资源和社保局", "区人社局", staff),
        ("区大数据中心", "区行政审批服务局", staff),
    ]

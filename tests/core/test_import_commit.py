"""Excel upload, step 2: 确认导入 commits the very file that was previewed, and only that."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inspections.models import Deduction
from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.conftest import make_xlsx
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/data/import/"


@pytest.fixture
def unit(db):
    return UnitFactory(name="区人社局")


def preview(client, rows, *, kind="publications", quarter="", name="发布数.xlsx"):
    response = client.post(
        IMPORT_URL,
        {"kind": kind, "year": 2024, "quarter": quarter, "file": SimpleUploadedFile(name, make_xlsx(rows))},
        follow=True,
    )
    url = response.redirect_chain[0][0]
    return url, response.context["entry"]["sha256"]


def test_confirm_writes_and_deletes_the_upload(staff_client, staff, unit, media_root):
    url, sha = preview(staff_client, [["单位", "10月"], ["区人社局", 12]])

    response = staff_client.post(url, {"action": "confirm", "sha256": sha}, follow=True)

    assert response.redirect_chain == [(IMPORT_URL, 302)]
    assert (
        "“发布数.xlsx”（网站发布数，2024年）已导入：新增1条，修改0条，删除0条，未变0条。" in response.content.decode()
    )
    record = MonthlyPublication.objects.get()
    assert (record.unit, record.month, record.count, record.updated_by) == (unit, 10, 12, staff)
    assert record.history.latest().history_change_reason == "导入 发布数.xlsx"
    assert list((media_root / "uploads").iterdir()) == []
    # The same upload cannot be committed twice.
    again = staff_client.post(url, {"action": "confirm", "sha256": sha}, follow=True)
    assert "这次上传已失效（已导入、已取消或已过期），请重新上传文件。" in again.content.decode()
    assert MonthlyPublication.history.count() == 1


def test_a_file_changed_after_the_preview_is_refused(staff_client, unit, media_root):
    url, sha = preview(staff_client, [["单位", "10月"], ["区人社局", 12]])
    (stored,) = (media_root / "uploads").iterdir()
    stored.write_bytes(make_xlsx([["单位", "10月"], ["区人社局", 99]]))

    response = staff_client.post(url, {"action": "confirm", "sha256": sha}, follow=True)

    assert (
        "“发布数.xlsx”在预览后已被改动或已不存在，为防止导入未经核对的数据，已拒绝导入，未写入任何数据。请重新上传。"
        in response.content.decode()
    )
    assert MonthlyPublication.objects.count() == 0
    assert list((media_root / "uploads").iterdir()) == []


def test_a_confirmation_for_another_file_version_is_refused(staff_client, unit):
    url, _ = preview(staff_client, [["单位", "10月"], ["区人社局", 12]])

    response = staff_client.post(url, {"action": "confirm", "sha256": "0" * 64}, follow=True)

    assert "已拒绝导入，未写入任何数据" in response.content.decode()
    assert MonthlyPublication.objects.count() == 0


def test_an_upload_of_another_session_is_not_found(staff_client, client, other_staff, unit):
    url, sha = preview(staff_client, [["单位", "10月"], ["区人社局", 12]])
    client.force_login(other_staff)

    response = client.post(url, {"action": "confirm", "sha256": sha}, follow=True)

    assert "这次上传已失效（已导入、已取消或已过期），请重新上传文件。" in response.content.decode()
    assert MonthlyPublication.objects.count() == 0


def test_cancel_deletes_the_upload(staff_client, unit, media_root):
    url, _ = preview(staff_client, [["单位", "10月"], ["区人社局", 12]])

    response = staff_client.post(url, {"action": "cancel"}, follow=True)

    assert "已取消导入“发布数.xlsx”，未写入任何数据。" in response.content.decode()
    assert list((media_root / "uploads").iterdir()) == []
    assert MonthlyPublication.objects.count() == 0


def test_article_totals_commit(staff_client, unit):
    url, sha = preview(
        staff_client,
        [["单位", "月份", "投稿件数", "省级采用"], ["区人社局", 11, 2, 1]],
        kind="tallies",
        name="投稿.xlsx",
    )

    staff_client.post(url, {"action": "confirm", "sha256": sha})

    tally = MonthlyArticleTally.objects.get()
    assert (tally.month, tally.submitted, tally.non_compliant, tally.province_adopted) == (11, 2, 0, 1)


def test_deductions_commit_for_the_chosen_quarter(staff_client, staff, unit):
    url, sha = preview(
        staff_client,
        [["单位", "事项", "减分"], ["区人社局", "公开事项标准目录未上传", 5], ["区人社局", "上传位置错误", 0.5]],
        kind="deductions",
        quarter=4,
        name="减分.xlsx",
    )

    staff_client.post(url, {"action": "confirm", "sha256": sha})

    assert list(
        Deduction.objects.order_by("position").values_list("year", "quarter", "reason", "points", "source")
    ) == [
        (2024, 4, "公开事项标准目录未上传", 5, Deduction.Source.IMPORT),
        (2024, 4, "上传位置错误", 0.5, Deduction.Source.IMPORT),
    ]
    assert Deduction.objects.first().created_by == staff

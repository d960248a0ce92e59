"""Two staff editing the same month never silently overwrite each other."""

import datetime
from unittest import mock

import pytest
from django.test import Client

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import PublicationFactory, TallyFactory, UnitFactory
from tests.submissions.helpers import form_fields, grid_url, load_grid

pytestmark = pytest.mark.django_db

LATER = datetime.datetime(2025, 1, 10, 6, 5, tzinfo=datetime.UTC)  # 2025年1月10日 14:05 in 临淄


@pytest.fixture
def second_client(other_staff):
    client = Client()
    client.force_login(other_staff)
    return client


def save_at(client, data, when=LATER):
    with mock.patch("django.utils.timezone.now", return_value=when):
        return client.post(grid_url(), data)


def test_a_row_changed_by_someone_else_is_not_overwritten(staff_client, second_client):
    contested = UnitFactory(name="区人社局")
    other = UnitFactory(name="区商务局")
    PublicationFactory(unit=contested, year=2024, month=10, count=5)
    mine = load_grid(staff_client)
    theirs = load_grid(second_client)
    save_at(second_client, theirs | {f"u{contested.pk}-pub": "7"})

    response = staff_client.post(grid_url(), mine | {f"u{contested.pk}-pub": "6", f"u{other.pk}-pub": "9"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "该行已被李四于2025年1月10日 14:05修改为发布数7，请核对后重新保存" in html
    assert "已保存1行，1行与他人的修改冲突。" in html
    assert dict(MonthlyPublication.objects.values_list("unit__name", "count")) == {"区人社局": 7, "区商务局": 9}
    # What I typed is still in the cell; the row now carries the stored version.
    fields = form_fields(html)
    assert fields[f"u{contested.pk}-pub"] == "6"
    stored = MonthlyPublication.objects.get(unit=contested)
    assert (
        fields[f"u{contested.pk}-v"]
        == f"{(stored.updated_at - datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)) // datetime.timedelta(microseconds=1)}::7,,,,"
    )
    # Having seen the other change, saving again is a deliberate overwrite.
    response = staff_client.post(grid_url(), fields, follow=True)
    assert "已保存1行。" in response.content.decode()
    assert MonthlyPublication.objects.get(unit=contested).count == 6


def test_a_total_changed_by_someone_else_is_reported_with_the_stored_figures(staff_client, second_client):
    unit = UnitFactory(name="区人社局")
    mine = load_grid(staff_client)
    theirs = load_grid(second_client)
    save_at(second_client, theirs | {f"u{unit.pk}-sub": "2", f"u{unit.pk}-city": "1"})

    html = staff_client.post(grid_url(), mine | {f"u{unit.pk}-sub": "1"}).content.decode()

    assert (
        "该行已被李四于2025年1月10日 14:05修改为投稿2件、不合格0件、市级采用1件、省级采用0件，请核对后重新保存" in html
    )
    assert MonthlyArticleTally.objects.get().submitted == 2


def test_a_figure_cleared_by_someone_else_is_a_conflict_too(staff_client, second_client):
    unit = UnitFactory(name="区人社局")
    PublicationFactory(unit=unit, year=2024, month=10, count=5)
    mine = load_grid(staff_client)
    theirs = load_grid(second_client)
    save_at(second_client, theirs | {f"u{unit.pk}-pub": ""})

    html = staff_client.post(grid_url(), mine | {f"u{unit.pk}-pub": "6"}).content.decode()

    assert "该行已被李四于2025年1月10日 14:05修改为发布数空白，请核对后重新保存" in html
    assert MonthlyPublication.objects.count() == 0


def test_two_new_figures_for_the_same_unit_conflict(staff_client, second_client):
    unit = UnitFactory(name="区人社局")
    mine = load_grid(staff_client)
    theirs = load_grid(second_client)
    save_at(second_client, theirs | {f"u{unit.pk}-pub": "4"})

    html = staff_client.post(grid_url(), mine | {f"u{unit.pk}-pub": "3"}).content.decode()

    assert "该行已被李四于2025年1月10日 14:05修改为发布数4，请核对后重新保存" in html
    assert MonthlyPublication.objects.get().count == 4


def test_rows_i_did_not_touch_keep_the_other_persons_figures(staff_client, second_client):
    theirs_unit = UnitFactory(name="区人社局")
    mine_unit = UnitFactory(name="区商务局")
    PublicationFactory(unit=theirs_unit, year=2024, month=10, count=5)
    mine = load_grid(staff_client)
    save_at(second_client, load_grid(second_client) | {f"u{theirs_unit.pk}-pub": "7"})

    response = staff_client.post(grid_url(), mine | {f"u{mine_unit.pk}-pub": "2"}, follow=True)

    assert "已保存1行。" in response.content.decode()
    assert dict(MonthlyPublication.objects.values_list("unit__name", "count")) == {"区人社局": 7, "区商务局": 2}


def test_typing_the_same_figure_as_the_other_person_is_no_conflict(staff_client, second_client):
    unit = UnitFactory(name="区人社局")
    TallyFactory(unit=unit, year=2024, month=10, submitted=1)
    mine = load_grid(staff_client)
    save_at(second_client, load_grid(second_client) | {f"u{unit.pk}-sub": "2"})
    history = MonthlyArticleTally.history.count()

    response = staff_client.post(grid_url(), mine | {f"u{unit.pk}-sub": "2"}, follow=True)

    assert "没有修改，未写入任何数据。" in response.content.decode()
    assert MonthlyArticleTally.history.count() == history

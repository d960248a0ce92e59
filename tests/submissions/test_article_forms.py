"""Registering and editing articles through the services, with validation messages in Chinese."""

import datetime
from unittest import mock

import pytest
from django.test import Client

from submissions.models import Article
from tests.factories import ArticleFactory, TallyFactory, UnitFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/data/articles/add/"
D = datetime.date


@pytest.fixture
def unit(db):
    return UnitFactory(name="区人社局")


def valid(unit_, **changes):
    data = {
        "unit": unit_.pk,
        "title": "区人社局：政务公开助力稳就业",
        "received_on": "2024-10-08",
        "char_count": "860",
        "is_compliant": "1",
        "non_compliance_reason": "",
        "city_adopted_on": "",
        "province_adopted_on": "",
    }
    return data | changes


def errors(response):
    return {name: list(errs) for name, errs in response.context["form"].errors.items()}


def test_register_an_article(staff_client, staff, unit):
    response = staff_client.post(ADD_URL, valid(unit, city_adopted_on="2024-10-20"), follow=True)

    assert response.redirect_chain == [(f"/data/articles/?unit={unit.pk}&month=2024-10", 302)]
    assert "已登记稿件“区人社局：政务公开助力稳就业”。" in response.content.decode()
    article = Article.objects.get()
    assert (article.unit, article.received_on, article.char_count, article.is_compliant) == (
        unit,
        D(2024, 10, 8),
        860,
        True,
    )
    assert (article.city_adopted_on, article.updated_by) == (D(2024, 10, 20), staff)
    assert article.history.latest().history_change_reason == "登记稿件"


def test_save_and_continue_keeps_unit_and_date(staff_client, unit):
    response = staff_client.post(ADD_URL, valid(unit) | {"continue": "1"})

    assert response["Location"] == f"{ADD_URL}?unit={unit.pk}&date=2024-10-08"
    form = staff_client.get(response["Location"]).context["form"]
    assert (form.initial["unit"], form.initial["received_on"]) == (unit, "2024-10-08")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "  "}, {"title": ["请填写标题"]}),
        ({"unit": ""}, {"unit": ["请选择单位"]}),
        ({"received_on": "10月8日"}, {"received_on": ["请填写有效日期，如2024-10-05"]}),
        ({"char_count": "-5"}, {"char_count": ["字数不能为负数"]}),
        ({"char_count": "八百"}, {"char_count": ["字数应为整数"]}),
        ({"is_compliant": "0"}, {"non_compliance_reason": ["不符合要求的稿件须填写原因"]}),
        ({"non_compliance_reason": "字数不足"}, {"non_compliance_reason": ["符合要求的稿件不填写不符合原因"]}),
        ({"province_adopted_on": "2024-10-01"}, {"province_adopted_on": ["采用日期不能早于收稿日期"]}),
        ({"title": "标" * 201}, {"title": ["标题不能超过200个字（现有201个字）"]}),
    ],
)
def test_validation_messages(staff_client, unit, changes, expected):
    response = staff_client.post(ADD_URL, valid(unit) | changes)

    assert response.status_code == 200
    assert errors(response) == expected
    assert Article.objects.count() == 0
    # What was typed is shown back.
    if changes.get("title", "").strip():
        assert changes["title"] in response.content.decode()


def test_a_month_entered_as_a_total_cannot_also_be_registered(staff_client, unit):
    TallyFactory(unit=unit, year=2024, month=10, submitted=1)

    response = staff_client.post(ADD_URL, valid(unit))

    assert errors(response) == {
        "received_on": [
            "区人社局2024年10月已在月度填报中录入投稿合计，逐篇登记会重复计数；请先在月度填报中清空该月的投稿合计。"
        ]
    }
    assert Article.objects.count() == 0


def test_a_unit_not_assessed_in_the_month_is_refused(staff_client):
    unit = UnitFactory(name="区文物局", assessed_from=D(2024, 11, 1))

    response = staff_client.post(ADD_URL, valid(unit))

    assert errors(response) == {"received_on": ["区文物局在2024年10月不在考核范围内。"]}


def test_edit_an_article(staff_client, staff, unit):
    article = ArticleFactory(unit=unit, title="旧标题", received_on=D(2024, 10, 8))
    url = f"/data/articles/{article.pk}/edit/"
    data = staff_client.get(url).context["form"].initial

    response = staff_client.post(
        url,
        valid(unit, title="新标题", is_compliant="0", non_compliance_reason="与政务公开无关", version=data["version"]),
        follow=True,
    )

    assert "已保存稿件“新标题”。" in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.is_compliant, article.non_compliance_reason) == ("新标题", False, "与政务公开无关")
    assert (article.updated_by, article.history.latest().history_change_reason) == (staff, "修改稿件")


def test_saving_an_unchanged_article_writes_no_history(staff_client, unit):
    article = ArticleFactory(
        unit=unit, title="区人社局：政务公开助力稳就业", received_on=D(2024, 10, 8), char_count=860
    )
    url = f"/data/articles/{article.pk}/edit/"
    version = staff_client.get(url).context["form"].initial["version"]
    history = article.history.count()

    staff_client.post(url, valid(unit, version=version))

    assert article.history.count() == history


def test_an_article_changed_meanwhile_is_not_overwritten(staff_client, other_staff, unit):
    article = ArticleFactory(unit=unit, title="原标题", received_on=D(2024, 10, 8))
    url = f"/data/articles/{article.pk}/edit/"
    version = staff_client.get(url).context["form"].initial["version"]
    other = Client()
    other.force_login(other_staff)
    other_version = other.get(url).context["form"].initial["version"]
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(2025, 1, 10, 6, 5, tzinfo=datetime.UTC)
    ):
        other.post(url, valid(unit, title="李四的标题", version=other_version))

    response = staff_client.post(url, valid(unit, title="张三的标题", version=version))

    assert response.context["form"].non_field_errors() == [
        "该稿件已被李四于2025年1月10日 14:05修改，请核对后重新保存。"
    ]
    article.refresh_from_db()
    assert article.title == "李四的标题"
    # The form keeps what I typed and now carries the stored version: saving again is deliberate.
    html = response.content.decode()
    assert 'value="张三的标题"' in html
    resubmit = staff_client.post(url, valid(unit, title="张三的标题", version=response.context["form"].data["version"]))
    assert resubmit.status_code == 302
    article.refresh_from_db()
    assert article.title == "张三的标题"


def test_moving_an_article_into_a_month_with_a_total_is_refused(staff_client, unit):
    article = ArticleFactory(unit=unit, received_on=D(2024, 10, 8))
    TallyFactory(unit=unit, year=2024, month=11, submitted=1)
    url = f"/data/articles/{article.pk}/edit/"

    response = staff_client.post(url, valid(unit, received_on="2024-11-03"))

    assert "区人社局2024年11月已在月度填报中录入投稿合计" in errors(response)["received_on"][0]
    article.refresh_from_db()
    assert article.received_on == D(2024, 10, 8)


def test_an_unknown_article_is_404(staff_client):
    assert staff_client.get("/data/articles/999999/edit/").status_code == 404

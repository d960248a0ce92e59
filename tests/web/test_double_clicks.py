"""A button clicked twice records once: the second registration of the same article (unit, day,
title) and the second identical annual adjustment are refused with a sentence, on the page and in
the services every other path uses; the forms also ignore a second submit in the browser."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scoring.models import AnnualAdjustment
from scoring.services import annual_adjustment_add
from submissions.models import Article
from submissions.services import article_register, article_update
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

DUPLICATE_ARTICLE = "这个单位同一天收到的同名稿件已经登记过，不能重复登记（可能是“保存”点了两次）；请在稿件列表中核对。"
DUPLICATE_ADJUSTMENT = (
    "这个单位本年度已有同一原因的考核调整，不能重复录入（可能是“录入”点了两次）；如需改变分值，请先撤销原来的调整。"
)


@pytest.fixture
def unit(db):
    return UnitFactory(name="区自然资源局")


def test_the_same_article_posted_twice_is_registered_once(staff_client, unit):
    data = {
        "unit": unit.pk,
        "title": "自然资源局：规划公示早知道",
        "received_on": "2024-11-03",
        "char_count": "800",
        "is_compliant": "1",
    }

    first = staff_client.post("/data/articles/add/", data)
    second = staff_client.post("/data/articles/add/", data)

    assert first.status_code == 302
    assert second.status_code == 200
    assert list(second.context["form"].errors["title"]) == [DUPLICATE_ARTICLE]
    assert Article.objects.count() == 1
    assert b"data-progress" in staff_client.get("/data/articles/add/").content


def test_an_edit_onto_another_registered_article_is_refused(staff, unit):
    import datetime

    day = datetime.date(2024, 11, 3)
    article_register(unit=unit, title="规划公示早知道", received_on=day, acting_user=staff)
    other = article_register(unit=unit, title="不动产登记便民措施", received_on=day, acting_user=staff)

    with pytest.raises(ValidationError) as error:
        article_update(article=other, unit=unit, title="规划公示早知道", received_on=day, acting_user=staff)

    assert error.value.message_dict == {"title": [DUPLICATE_ARTICLE]}
    other.refresh_from_db()
    assert other.title == "不动产登记便民措施"


def test_the_same_adjustment_posted_twice_is_recorded_once(staff_client, unit):
    data = {"unit": unit.pk, "reason": "对通报问题拒不整改", "points": "-1"}

    staff_client.post("/annual/2024/assessment/adjustments/", data)
    second = staff_client.post("/annual/2024/assessment/adjustments/", data)

    assert DUPLICATE_ADJUSTMENT in second.content.decode()
    assert list(AnnualAdjustment.objects.values_list("reason", "points")) == [("对通报问题拒不整改", Decimal("-1.00"))]


def test_the_service_refuses_the_second_identical_adjustment(staff, unit):
    annual_adjustment_add(unit=unit, year=2024, points=Decimal("-1"), reason="被市政府办公室通报", acting_user=staff)

    with pytest.raises(ValidationError) as error:
        annual_adjustment_add(
            unit=unit, year=2024, points=Decimal("-2"), reason="被市政府办公室通报", acting_user=staff
        )

    assert error.value.message_dict == {"reason": [DUPLICATE_ADJUSTMENT]}
    assert AnnualAdjustment.objects.count() == 1
